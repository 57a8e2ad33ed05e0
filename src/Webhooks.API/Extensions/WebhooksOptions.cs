using System.ComponentModel.DataAnnotations;

namespace Webhooks.API.Extensions;

/// <summary>Settings of the webhooks service (section <c>Webhooks</c>).</summary>
public sealed class WebhooksOptions : IValidatableObject
{
    public const string SectionName = "Webhooks";

    /// <summary>Standard Webhooks' schedule: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (about 28 hours in all).</summary>
    public static readonly IReadOnlyList<TimeSpan> StandardSchedule =
    [
        TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2), TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    /// <summary>Deliver to loopback, link-local and private addresses (local runs and tests only; never in production).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Accept plain <c>http://</c> endpoints (local runs and tests); otherwise HTTPS only.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>
    /// The delay before each attempt, the first included (so its count is the number of attempts; the first is always immediate). Unset, the standard
    /// schedule. A list rather than a default array: configuration appends to an array instead of replacing it.
    /// </summary>
    public List<TimeSpan>? RetrySchedule { get; set; }

    public IReadOnlyList<TimeSpan> Schedule => RetrySchedule is { Count: > 0 } given ? given : StandardSchedule;

    /// <summary>Each delay varies by up to this fraction either way, so receivers that failed together are not retried together.</summary>
    [Range(0.0, 0.5)]
    public double Jitter { get; set; } = 0.1;

    /// <summary>The longest <c>Retry-After</c> honoured (on 429 and 5xx); a longer one is cut to this.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long the previous secret keeps signing after a rotation.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan SecretOverlap { get; set; } = TimeSpan.FromHours(24);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:02:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Sends in flight at once per dispatcher, over all endpoints.</summary>
    [Range(1, 256)]
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>Sends in flight at once to one endpoint: a slow receiver takes no more than these slots.</summary>
    [Range(1, 64)]
    public int MaxConcurrencyPerEndpoint { get; set; } = 4;

    /// <summary>How often the dispatcher looks for due deliveries when nothing woke it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.020", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claim holds a delivery; a replica that died holding it loses it then. Longer than a send.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The circuit opens when this fraction of an endpoint's sends failed in the sampling window…</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>…and at least this many were sent in it.</summary>
    [Range(2, 1000)]
    public int BreakerMinimumThroughput { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an open circuit holds deliveries back (without spending their attempts) before one probe.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Finished deliveries (succeeded or failed) are kept this long for listing and replay.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan DeliveryRetention { get; set; } = TimeSpan.FromDays(30);

    [Range(1, 10_000)]
    public int MaxSubscriptionsPerOwner { get; set; } = 100;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RetrySchedule is { } given && (given.Count > 20 || given.Any(d => d < TimeSpan.Zero || d > TimeSpan.FromDays(3))))
        {
            yield return new ValidationResult("At most 20 delays, each from 0 to 3 days.", [nameof(RetrySchedule)]);
        }
    }
}
