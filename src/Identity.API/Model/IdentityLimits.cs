namespace Identity.API.Model;

/// <summary>Lengths of what the identity service stores, shared by requests and the database columns.</summary>
public static class IdentityLimits
{
    public const int ClientId = 100;
    public const int UserName = 64;
    public const int DisplayName = 100;
    public const int Password = 200;
    public const int PasswordHash = 200;
    public const int Role = 40;
    public const int Binding = 64;

    /// <summary>A responsible unit's name, as long as the warnings service lets a warning list one (its <c>UnitName</c>).</summary>
    public const int Unit = 100;
    public const int MinSecret = 24;
}
