using System.Diagnostics;

namespace EmergencyOps.Messaging.Faults;

/// <summary>
/// Places where the fault suite kills a service to prove nothing accepted is lost or applied twice. A point is armed
/// by a file of its name in <see cref="Bus.MessagingOptions.FailPointDirectory"/>; the first process to reach it claims
/// the file and dies at once by SIGKILL, with no shutdown and nothing flushed, as a power cut would. Unconfigured (as
/// everywhere but the fault suite, and always in Production) a point costs one null check.
/// </summary>
public static class FailPoints
{
    /// <summary>An outbox row is committed and about to be published.</summary>
    public const string OutboxBeforePublish = "outbox-before-publish";

    /// <summary>The broker confirmed an outbox row's publish; the row is not yet marked sent.</summary>
    public const string OutboxBeforeMark = "outbox-before-mark";

    /// <summary>A consumer committed its changes and its inbox row (or found it handled before); the broker has no ack yet.</summary>
    public const string InboxBeforeAck = "inbox-before-ack";

    /// <summary>
    /// While armed, the service's consumers refuse the message ids its file lists: a handler that always throws on one
    /// message (a poison message), until the cause is removed. Unlike the others it kills nothing.
    /// </summary>
    public const string InboxRefuse = "inbox-refuse";

    public static IReadOnlyList<string> All { get; } = [OutboxBeforePublish, OutboxBeforeMark, InboxBeforeAck, InboxRefuse];

    private static string? s_directory;

    /// <summary>Points are read from this folder from now on (once, at start, from configuration).</summary>
    internal static void WatchDirectory(string directory) => s_directory = directory;

    /// <summary>Throws for a message <see cref="InboxRefuse"/> lists while it is armed.</summary>
    public static void RefuseIfListed(Guid messageId)
    {
        if (s_directory is not { } directory)
        {
            return;
        }
        string listed;
        try
        {
            listed = File.ReadAllText(Path.Combine(directory, InboxRefuse));
        }
        catch (IOException)
        {
            return;
        }
        if (listed.Contains(messageId.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Fail point {InboxRefuse} refuses message {messageId}.");
        }
    }

    /// <summary>Dies here if the point is armed, after disarming it so the restarted process runs on.</summary>
    public static void Reach(string point)
    {
        if (s_directory is not { } directory)
        {
            return;
        }
        var armed = Path.Combine(directory, point);
        try
        {
            // The rename is atomic: of several processes reaching the point, exactly one claims it.
            File.Move(armed, armed + ".fired", overwrite: true);
        }
        catch (IOException)
        {
            return;
        }
        Process.GetCurrentProcess().Kill();
    }
}
