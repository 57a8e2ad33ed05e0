using System.ComponentModel.DataAnnotations;

namespace Hazards.API.Extensions;

/// <summary>Settings of the hazard registry (section <c>Hazards</c>).</summary>
public sealed class HazardsOptions
{
    public const string SectionName = "Hazards";

    /// <summary>Where users reach the system (the gateway); the AppHost sets it for every service.</summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>
    /// Codes resolve to <c>{ResolveBaseUrl}/{code}</c>, the content of their QR images. Unset, they resolve
    /// through the gateway's code endpoint; a bureau with a short public resolver sets it.
    /// </summary>
    [Url]
    public string? ResolveBaseUrl { get; set; }

    /// <summary>Pixels per QR module in PNG images.</summary>
    [Range(2, 40)]
    public int QrPixelsPerModule { get; set; } = 10;

    public string ResolveUrl(string code) =>
        $"{(ResolveBaseUrl ?? $"{PublicBaseUrl.TrimEnd('/')}/api/hazards/codes").TrimEnd('/')}/{code}";
}
