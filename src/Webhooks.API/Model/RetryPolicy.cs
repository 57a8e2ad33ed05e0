namespace Webhooks.API.Model;

/// <summary>When a failed delivery is tried again: the schedule's next delay with jitter, or the receiver's Retry-After.</summary>
public static class RetryPolicy
{
    /// <summary>
    /// The time of the next attempt after <paramref name="attemptsSpent"/> attempts, or null when the schedule is spent.
    /// A <paramref name="retryAfter"/> the receiver asked for replaces the schedule's delay, cut to <paramref name="maxRetryAfter"/>.
    /// </summary>
    public static DateTime? NextAttempt(IReadOnlyList<TimeSpan> schedule, int attemptsSpent, TimeSpan? retryAfter, double jitter, TimeSpan maxRetryAfter, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (attemptsSpent >= schedule.Count)
        {
            return null;
        }
        var delay = retryAfter is { } asked
            ? asked < TimeSpan.Zero ? TimeSpan.Zero : asked > maxRetryAfter ? maxRetryAfter : asked
            : Jittered(schedule[attemptsSpent], jitter);
        return now + delay;
    }

    // Random.Shared is thread-safe; jitter needs no cryptographic quality.
#pragma warning disable CA5394
    private static TimeSpan Jittered(TimeSpan delay, double jitter) =>
        jitter <= 0 ? delay : delay * (1 + jitter * (2 * Random.Shared.NextDouble() - 1));
#pragma warning restore CA5394
}
