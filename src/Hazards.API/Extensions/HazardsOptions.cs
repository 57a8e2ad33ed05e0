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
    /// A bureau's short public resolver: codes then resolve to <c>{ResolveBaseUrl}/{code}</c>, which is also the content of
    /// their QR images. Unset, codes resolve through the gateway's code endpoint (with a token) and the QR images carry the
    /// gateway's public endpoint (<c>/api/hazards/codes/{code}/public</c>, no token).
    /// </summary>
    [Url]
    public string? ResolveBaseUrl { get; set; }

    /// <summary>Pixels per QR module in PNG images.</summary>
    [Range(2, 40)]
    public int QrPixelsPerModule { get; set; } = 10;

    /// <summary>How often the sweep looks for hidden dangers whose rectification deadline passed (<c>HiddenDangerSweeper</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan HiddenDangerSweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the risk sweep recomputes enterprises whose level changes by time alone, or that have none yet (<c>RiskSweeper</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan RiskSweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many citizen reports one client address may send per <see cref="CitizenReportWindow"/> (a token bucket: a burst of this many, then one per window / permits).</summary>
    [Range(1, 1_000_000)]
    public int CitizenReportPermits { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CitizenReportWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>An enterprise code's public page (扫码即知): what its QR image carries, always through the gateway.</summary>
    public string EnterprisePublicUrl(string code) => $"{PublicBaseUrl.TrimEnd('/')}/api/hazards/enterprise-codes/{code}/public";

    /// <summary>Where a citizen posts a hidden danger found at the enterprise (一码发现), without a token.</summary>
    public string CitizenReportUrl(string code) => $"{PublicBaseUrl.TrimEnd('/')}/api/hazards/enterprise-codes/{code}/hidden-dangers";

    public string ResolveUrl(string code) =>
        $"{(ResolveBaseUrl ?? $"{PublicBaseUrl.TrimEnd('/')}/api/hazards/codes").TrimEnd('/')}/{code}";

    /// <summary>Where anyone, without a token, reads the code's safety information: what a phone camera opens from the QR image.</summary>
    public string PublicUrl(string code) =>
        ResolveBaseUrl is { } resolver ? $"{resolver.TrimEnd('/')}/{code}" : $"{PublicBaseUrl.TrimEnd('/')}/api/hazards/codes/{code}/public";
}
