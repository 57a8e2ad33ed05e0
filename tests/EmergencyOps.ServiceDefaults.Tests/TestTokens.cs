using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EmergencyOps.ServiceDefaults.Tests;

/// <summary>Tokens as the identity service signs them, for the duty officer <c>duty1</c>, with one scope.</summary>
internal static class TestTokens
{
    public const string Issuer = "https://identity.test/";

    // Lifetimes are from the real clock: the token handler's own lifetime check reads it.
    public static string Create(RSA signing, string audience, string scope, TimeSpan lifetime) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = audience,
        IssuedAt = DateTime.UtcNow,
        NotBefore = DateTime.UtcNow,
        Expires = DateTime.UtcNow + lifetime,
        Claims = new Dictionary<string, object> { ["sub"] = "duty1", ["scope"] = scope },
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(signing), SecurityAlgorithms.RsaSha256),
    });
}
