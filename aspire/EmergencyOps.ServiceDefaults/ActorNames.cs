using System.Security.Claims;
using EmergencyOps.ServiceDefaults.Input;

namespace EmergencyOps.ServiceDefaults;

/// <summary>Who acts, as every service records it (logs, ledgers, versions): the caller's name from its token.</summary>
public static class ActorNames
{
    /// <summary>The longest actor name any service records; every actor column holds at least this.</summary>
    public const int MaxLength = 100;

    /// <summary>The name without characters XML cannot carry and cut to <see cref="MaxLength"/>: it comes from a token, so it is cleaned, never refused.</summary>
    public static string ActorName(this ClaimsPrincipal? user) =>
        TextRules.Strip(user?.Identity?.Name ?? "").Trim() is { Length: > 0 } name ? name.Length <= MaxLength ? name : name[..MaxLength] : "unknown";

    /// <summary>
    /// Who acts, as an identity rather than a name (a token's <c>sub</c>): two people may share a name, and one person's
    /// name may change. Null when the caller has none, or one longer than any stored id.
    /// </summary>
    public static string? ActorSubject(this ClaimsPrincipal? user) =>
        (user?.FindFirst(IdentityClaims.Subject) ?? user?.FindFirst(ClaimTypes.NameIdentifier))?.Value is { Length: > 0 and <= MaxLength } subject ? subject : null;
}
