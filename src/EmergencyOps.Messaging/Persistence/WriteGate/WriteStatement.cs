namespace EmergencyOps.Messaging.Persistence.WriteGate;

/// <summary>
/// Tells the statements EF sends outside transactions that write rows (INSERT, UPDATE, DELETE, REPLACE) from the rest.
/// Anything else runs unqueued, as before: reads must not wait for writers, and schema statements run only at start-up.
/// </summary>
internal static class WriteStatement
{
    private static readonly string[] Verbs = ["INSERT", "UPDATE", "DELETE", "REPLACE"];

    public static bool IsWrite(string? sql)
    {
        var text = sql.AsSpan();
        while (true)
        {
            text = text.TrimStart();
            if (text.StartsWith("--", StringComparison.Ordinal))
            {
                var end = text.IndexOf('\n');
                text = end < 0 ? [] : text[(end + 1)..];
            }
            else if (text.StartsWith("/*", StringComparison.Ordinal))
            {
                var end = text.IndexOf("*/", StringComparison.Ordinal);
                text = end < 0 ? [] : text[(end + 2)..];
            }
            else
            {
                break;
            }
        }
        foreach (var verb in Verbs)
        {
            if (text.StartsWith(verb, StringComparison.OrdinalIgnoreCase) && (text.Length == verb.Length || !char.IsLetterOrDigit(text[verb.Length])))
            {
                return true;
            }
        }
        return false;
    }
}
