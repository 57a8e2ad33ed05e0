using System.ComponentModel.DataAnnotations;

namespace Hazards.API.Extensions;

/// <summary>Settings of the hazard registry (section <c>Hazards</c>).</summary>
public sealed class HazardsOptions
{
    public const string SectionName = "Hazards";

    /// <summary>Codes resolve to <c>{ResolveBaseUrl}/{code}</c>: the content of their QR images.</summary>
    [Required, Url]
    public string ResolveBaseUrl { get; set; } = "https://hazards.example/c";

    /// <summary>Pixels per QR module in PNG images.</summary>
    [Range(2, 40)]
    public int QrPixelsPerModule { get; set; } = 10;

    public string ResolveUrl(string code) => $"{ResolveBaseUrl.TrimEnd('/')}/{code}";
}
