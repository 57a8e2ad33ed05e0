using System.ComponentModel.DataAnnotations;

namespace EmergencyOps.Samples.Integrator;

/// <summary>Section <c>Integrator</c>: where to connect, which queue is ours, and how much it may hold.</summary>
public sealed class IntegratorOptions
{
    public const string SectionName = "Integrator";

    /// <summary>The broker, as the integrator user: <c>amqp://integrator:PASSWORD@host:5672/</c>.</summary>
    [Required]
    public Uri Broker { get; set; } = new("amqp://integrator@127.0.0.1:5672/");

    /// <summary>Our own durable queue. The integrator user may only create and bind names that start with <c>integrator.</c>.</summary>
    [Required, RegularExpression(@"^integrator\.[A-Za-z0-9._-]+$")]
    public string Queue { get; set; } = "integrator.sample";

    /// <summary>
    /// The exchanges to bind, one per event type. Empty: every hazard and warning event of the contracts
    /// (see docs/asyncapi.yaml), so a new event type is bound without a change here.
    /// </summary>
    public List<string> Exchanges { get; set; } = [];

    /// <summary>Put before every exchange name: empty against EmergencyOps; tests use a prefix of their own.</summary>
    public string ExchangePrefix { get; set; } = "";

    /// <summary>Messages the queue keeps at most; past it the oldest is dropped (dead-lettered), never the publisher slowed.</summary>
    [Range(1, 10_000_000)]
    public int MaxLength { get; set; } = 10_000;

    /// <summary>How long an unread message waits before it is dead-lettered.</summary>
    public TimeSpan MessageTtl { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Messages the dead-letter queue keeps at most (and for <see cref="MessageTtl"/> again), so it cannot fill the broker either.</summary>
    [Range(1, 10_000_000)]
    public int DeadLetterMaxLength { get; set; } = 10_000;

    /// <summary>Unacknowledged messages in flight to this consumer.</summary>
    [Range(1, 10_000)]
    public ushort Prefetch { get; set; } = 50;

    /// <summary>First wait before reconnecting; it doubles up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often to try again to bind an exchange that does not exist yet: RabbitMQ creates an event type's
    /// exchange when a service first publishes that type.
    /// </summary>
    public TimeSpan RebindInterval { get; set; } = TimeSpan.FromSeconds(30);
}
