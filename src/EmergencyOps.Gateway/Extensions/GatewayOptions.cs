using System.ComponentModel.DataAnnotations;

namespace EmergencyOps.Gateway.Extensions;

/// <summary>Section <c>Gateway</c>: which services sit behind which path prefix.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    [Required]
    [MinLength(1)]
    public Dictionary<string, ProxiedService> Services { get; init; } = [];

    /// <summary>How long a pooled connection to a service is reused before a new one may reach another replica.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan ConnectionLifetime { get; set; } = TimeSpan.FromSeconds(5);
}

public sealed class ProxiedService
{
    /// <summary>Requests under this prefix go to the service unchanged (e.g. <c>/api/hazards</c>).</summary>
    [Required]
    [RegularExpression("^/[a-z0-9/-]+$")]
    public string PathPrefix { get; set; } = "";

    /// <summary>
    /// Longest a proxied response may stay silent. Live feeds send heartbeats well inside it.
    /// </summary>
    public TimeSpan ActivityTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
