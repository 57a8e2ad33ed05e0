using System.ComponentModel.DataAnnotations;

namespace Identity.API.Extensions;

/// <summary>Section <c>Identity</c>: how the identity service issues tokens, and whom it knows from the start.</summary>
public sealed class IdentityServerOptions
{
    public const string SectionName = "Identity";

    /// <summary>
    /// The public origin tokens name as their issuer (the gateway, e.g. http://localhost:5080/). Every service validates
    /// it; without it the issuer is whatever host a request came in on, which only suits a service run on its own.
    /// </summary>
    public Uri? Issuer { get; set; }

    /// <summary>Development only: where the signing and encryption keys are kept, so tokens outlive a restart and every replica signs alike.</summary>
    [Required]
    public string KeysDirectory { get; set; } = "data/identity-keys";

    /// <summary>Outside Development: the PKCS#12 certificate that signs tokens (its path and password come from secrets).</summary>
    public CertificateOptions? SigningCertificate { get; set; }

    /// <summary>Outside Development: the certificate that encrypts authorization codes and refresh tokens.</summary>
    public CertificateOptions? EncryptionCertificate { get; set; }

    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A console session lasts a duty shift at most; each use of a refresh token replaces it.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// How long a refresh token already used may be presented again (a console retrying a lost answer). None by
    /// default: a refresh token works once, and a second use is refused.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RefreshTokenReuseLeeway { get; set; } = TimeSpan.Zero;

    /// <summary>Where the operations console (and the gateway's API reference) may receive authorization codes.</summary>
    public List<Uri> ConsoleRedirectUris { get; init; } = [];

    /// <summary>Machine clients registered at start when missing (Development seeds; production reads them from secrets).</summary>
    public List<ClientSeed> Clients { get; init; } = [];

    /// <summary>People registered at start when missing.</summary>
    public List<PersonSeed> People { get; init; } = [];
}

public sealed class CertificateOptions
{
    [Required]
    public string Path { get; set; } = "";

    public string? Password { get; set; }
}

public sealed class ClientSeed
{
    [Required]
    public string ClientId { get; set; } = "";

    [Required]
    public string Secret { get; set; } = "";

    [Required]
    public string DisplayName { get; set; } = "";

    [Required]
    public string Role { get; set; } = "";

    public string? Binding { get; set; }

    /// <summary>The responsible unit (责任单位) it answers for, as warnings list it; required for a responder.</summary>
    public string? Unit { get; set; }
}

public sealed class PersonSeed
{
    [Required]
    public string UserName { get; set; } = "";

    [Required]
    public string Password { get; set; } = "";

    [Required]
    public string DisplayName { get; set; } = "";

    [Required]
    public string Role { get; set; } = "";

    public string? Binding { get; set; }

    /// <summary>The responsible unit (责任单位) the person answers for, as warnings list it; a district operator's only.</summary>
    public string? Unit { get; set; }
}
