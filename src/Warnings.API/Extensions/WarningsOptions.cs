using System.ComponentModel.DataAnnotations;
using EmergencyOps.Contracts.Warnings;

namespace Warnings.API.Extensions;

/// <summary>How the warnings service publishes, bound from <c>Warnings</c>.</summary>
public sealed class WarningsOptions
{
    /// <summary>The 14-character issuer code of CAP identifiers: 6-digit division code + 8-character organisation code.</summary>
    [Required, RegularExpression("^[0-9]{6}[0-9A-Z]{8}$")]
    public string IssuerCode { get; set; } = "310000SHYJGLJ0";

    /// <summary>CAP sender: the issuing system's address.</summary>
    [Required, RegularExpression(@"^[^\s,<&]+$")]
    public string Sender { get; set; } = "yjglj.sh.gov.cn";

    [Required]
    public string SenderName { get; set; } = "上海市应急管理局";

    /// <summary>Where the gateway is reachable from outside, for links in CAP and Atom (no trailing slash).</summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Levels whose warnings need a second person's sign-off before publication.</summary>
    public List<WarningLevel> SignOffLevels { get; set; } = [WarningLevel.Red];

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan AcknowledgeWithin { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often expiry and overdue acknowledgements are checked.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Idle feed connections get a comment this often; the gateway closes streams idle for 100 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often each replica looks for feed entries written by others when no notification came.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan FeedPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long the feed waits on a missing sequence before passing it. A database that hands out
    /// sequences to concurrent transactions (SQL Server identity) can commit a lower one after a higher
    /// one; a rolled-back insert leaves a gap that never fills.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan FeedGapGrace { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Raise chemical-release warnings from scan anomalies at major hazard sources by themselves, not only suggest them.</summary>
    public bool AutoIssueFromHazards { get; set; }
}
