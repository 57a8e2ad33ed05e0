namespace EmergencyOps.ServiceDefaults.Times;

/// <summary>
/// The API's one way of writing a time: the instant in China Standard Time with its offset, <c>+08:00</c>. The bureau
/// works in Shanghai time and CAP 1.2 (the warnings) forbids <c>Z</c>, so every answer of every service uses it.
/// </summary>
public static class ChinaStandardTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    // The latest UTC instant whose China Standard Time a DateTime can still hold (9999-12-31T23:59:59 +08:00).
    private static readonly DateTime LatestUtc = DateTime.MaxValue - Offset;

    /// <summary>
    /// A stored time in China Standard Time. A time of unspecified kind is UTC: that is what the databases hold and hand
    /// back without a kind. A time stored near the end of the calendar (9999-12-31, from before the input rules) is shown
    /// as the last representable moment rather than failing the whole answer.
    /// </summary>
    public static DateTimeOffset From(DateTime time)
    {
        var utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;
        return new DateTimeOffset(DateTime.SpecifyKind(utc > LatestUtc ? LatestUtc : utc, DateTimeKind.Utc)).ToOffset(Offset);
    }

    /// <summary>The same instant in China Standard Time (clamped as <see cref="From(DateTime)"/> is).</summary>
    public static DateTimeOffset From(DateTimeOffset time) => From(time.UtcDateTime);
}
