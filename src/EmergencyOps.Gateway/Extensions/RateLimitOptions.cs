using System.ComponentModel.DataAnnotations;

namespace EmergencyOps.Gateway.Extensions;

/// <summary>
/// Section <c>Gateway:RateLimits</c>: how many requests one caller may start per window. An authenticated caller is
/// counted by its client (every replica of a warehouse system shares one budget); an anonymous one by its address,
/// which is why it gets less: one address may hide many people, but one client is one contract.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Gateway:RateLimits";

    /// <summary>Requests per window for one authenticated client (10 a second on average).</summary>
    [Range(1, 10_000_000)]
    public int ClientPermits { get; set; } = 600;

    /// <summary>Requests per window for one anonymous address, token requests included (2 a second on average).</summary>
    [Range(1, 10_000_000)]
    public int AnonymousPermits { get; set; } = 120;

    /// <summary>
    /// The window the permits are counted over. It slides in six segments, so a burst at the end of one window and the
    /// start of the next cannot spend twice the budget.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
