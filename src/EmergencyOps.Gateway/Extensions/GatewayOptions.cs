using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Text.RegularExpressions;

namespace EmergencyOps.Gateway.Extensions;

/// <summary>Section <c>Gateway</c>: which services sit behind which path prefixes, and the limits of the one public origin.</summary>
public sealed partial class GatewayOptions : IValidatableObject
{
    public const string SectionName = "Gateway";

    [Required]
    [MinLength(1)]
    public Dictionary<string, ProxiedService> Services { get; init; } = [];

    /// <summary>How long a pooled connection to a service is reused before a new one may reach another replica.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan ConnectionLifetime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Largest request body the gateway accepts, in bytes (1 MiB). The services' largest documents (a safety data sheet, a
    /// CAP warning with polygons) are tens of kilobytes; anything far larger is a mistake or an attack, refused before it is forwarded.
    /// </summary>
    [Range(1_024, 1_073_741_824)]
    public long MaxRequestBodySize { get; set; } = 1_048_576;

    /// <summary>
    /// Proxies (addresses or CIDR networks) whose <c>X-Forwarded-For/Proto/Host</c> the gateway believes, such as the ingress
    /// in front of it. The caller's address decides its anonymous rate limit, so a header from anyone else is ignored:
    /// empty means only loopback is trusted (a local reverse proxy, the AppHost's).
    /// </summary>
    public List<string> TrustedProxies { get; init; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Data annotations do not descend into the dictionary's values: every service and prefix is checked here.
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, service) in Services)
        {
            if (!ServiceName().IsMatch(name))
            {
                yield return new ValidationResult($"Service name '{name}' must be lower-case letters, digits and dashes.", [nameof(Services)]);
            }
            if (service.PathPrefixes.Count == 0)
            {
                yield return new ValidationResult($"Service '{name}' needs at least one path prefix.", [nameof(Services)]);
            }
            foreach (var prefix in service.PathPrefixes)
            {
                if (!PathPrefix().IsMatch(prefix))
                {
                    yield return new ValidationResult(
                        $"Path prefix '{prefix}' of service '{name}' must look like /api/name: lower-case segments, no trailing slash.", [nameof(Services)]);
                }
                else if (!owners.TryAdd(prefix, name))
                {
                    yield return new ValidationResult($"Path prefix '{prefix}' is claimed by both '{owners[prefix]}' and '{name}'.", [nameof(Services)]);
                }
            }
            if (service.ActivityTimeout <= TimeSpan.Zero)
            {
                yield return new ValidationResult($"Activity timeout of service '{name}' must be positive.", [nameof(Services)]);
            }
        }
        foreach (var proxy in TrustedProxies)
        {
            if (!IPNetwork.TryParse(proxy, out _) && !IPAddress.TryParse(proxy, out _))
            {
                yield return new ValidationResult($"Trusted proxy '{proxy}' is neither an address nor a CIDR network.", [nameof(TrustedProxies)]);
            }
        }
    }

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex ServiceName();

    // Segments of letters, digits, '.', '_' and '-', but never '.' or '..' on their own.
    [GeneratedRegex(@"^(/(?!\.{1,2}(/|$))[a-z0-9._-]+)+$")]
    private static partial Regex PathPrefix();
}

public sealed class ProxiedService
{
    /// <summary>
    /// Requests under any of these prefixes go to the service unchanged (e.g. <c>/api/hazards</c>; the identity service
    /// also answers <c>/connect</c>, <c>/.well-known</c> and <c>/account</c>).
    /// </summary>
    public List<string> PathPrefixes { get; init; } = [];

    /// <summary>
    /// Longest a proxied response may stay silent. Live feeds send heartbeats well inside it.
    /// </summary>
    public TimeSpan ActivityTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
