using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace EmergencyOps.ServiceDefaults;

/// <summary>
/// How a service finds and checks the identity service's tokens (section <c>Identity</c>):
/// <c>Authority</c> is where this service reaches the identity service (by default the address service discovery
/// gives for <c>identity</c>); <c>Issuer</c> is the public origin the tokens name (the gateway), by default the authority.
/// </summary>
public sealed record TokenSettings(Uri? Authority, Uri? Issuer, IReadOnlyCollection<string> Audiences, bool RequireHttpsMetadata)
{
    public static TokenSettings Read(IConfiguration configuration, IHostEnvironment environment, IReadOnlyCollection<string> audiences)
    {
        var section = configuration.GetSection("Identity");
        var authority = Absolute(section["Authority"])
            ?? Absolute(configuration["services:identity:https:0"])
            ?? Absolute(configuration["services:identity:http:0"]);
        var issuer = Absolute(section["Issuer"]) ?? authority;
        // Plain HTTP metadata only on a developer's machine; everywhere else the keys must come over TLS.
        var requireHttps = section.GetValue("RequireHttpsMetadata", !environment.IsDevelopment()) || !environment.IsDevelopment();
        return new TokenSettings(authority, issuer, audiences, requireHttps);
    }

    // Always with a trailing slash, so "issuer + path" and prefix comparisons hold.
    private static Uri? Absolute(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) ? new Uri(uri.AbsoluteUri.TrimEnd('/') + "/") : null;
}
