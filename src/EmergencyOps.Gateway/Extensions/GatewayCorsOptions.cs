using System.ComponentModel.DataAnnotations;

namespace EmergencyOps.Gateway.Extensions;

/// <summary>
/// Section <c>Gateway:Cors</c>: browser pages on other origins that may call the APIs with a bearer token. Empty (the
/// default) means none: the console and the API reference are served from the gateway's own origin and need no CORS.
/// </summary>
public sealed class GatewayCorsOptions : IValidatableObject
{
    public const string SectionName = "Gateway:Cors";

    /// <summary>
    /// Exact origins as browsers send them (<c>https://portal.example.gov.cn</c>): scheme, host and a port other than the
    /// scheme's default, nothing else; never <c>*</c>.
    /// </summary>
    public List<string> AllowedOrigins { get; init; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var origin in AllowedOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                || uri.Scheme is not ("https" or "http")
                || !string.Equals(uri.GetLeftPart(UriPartial.Authority), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
                || uri.UserInfo.Length > 0)
            {
                yield return new ValidationResult(
                    $"Allowed origin '{origin}' must be scheme://host[:port] with nothing after it (a wildcard is not accepted).",
                    [nameof(AllowedOrigins)]);
            }
        }
    }
}
