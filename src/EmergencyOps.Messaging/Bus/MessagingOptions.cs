using System.ComponentModel.DataAnnotations;
using EmergencyOps.Messaging.Outbox;

namespace EmergencyOps.Messaging.Bus;

/// <summary>Section <c>Messaging</c>. The broker itself is <c>ConnectionStrings:messaging</c> (an amqp:// URI).</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>
    /// Prefixes every exchange and queue name. Empty in production; tests use a unique prefix per
    /// test class so parallel runs never see each other's messages.
    /// </summary>
    [RegularExpression("^[a-z0-9-]*$")]
    public string EntityPrefix { get; set; } = "";

    /// <summary>Quorum queues (what production uses): replicated, with a delivery limit for poison messages.</summary>
    public bool QuorumQueues { get; set; } = true;

    /// <summary>
    /// Queues that vanish with their last consumer (non-durable, auto-delete): for tests and throwaway
    /// environments only, so they leave nothing behind on a shared broker.
    /// </summary>
    public bool TemporaryQueues { get; set; }

    /// <summary>Immediate retries of a failing consumer before the message moves to the <c>_error</c> queue.</summary>
    [Range(0, 20)]
    public int RetryLimit { get; set; } = 5;

    /// <summary>
    /// Where the fault suite arms the <see cref="Faults.FailPoints"/> that kill this process; unset everywhere else and
    /// refused in Production.
    /// </summary>
    [MaxLength(1024)]
    public string? FailPointDirectory { get; set; }

    public OutboxOptions Outbox { get; set; } = new();
}
