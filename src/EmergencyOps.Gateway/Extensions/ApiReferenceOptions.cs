using System.ComponentModel.DataAnnotations;

namespace EmergencyOps.Gateway.Extensions;

/// <summary>Section <c>Gateway:ApiReference</c>: how the browsable API reference asks the identity service for a token.</summary>
public sealed class ApiReferenceOptions
{
    public const string SectionName = "Gateway:ApiReference";

    /// <summary>
    /// The public client a person signs in with (authorization code + PKCE, no secret: a browser keeps none). The identity
    /// service must list <c>{gateway}/api-reference/</c> (with the trailing slash) among that client's redirect URIs.
    /// </summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9._:-]{1,100}$")]
    public string ClientId { get; set; } = "operations-console";

    /// <summary>Scopes selected when a token is requested; a machine client may only ask for the scopes it was given.</summary>
    public List<string> Scopes { get; init; } = [];
}
