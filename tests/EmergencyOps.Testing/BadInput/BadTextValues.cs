using System.Text.Json;
using static EmergencyOps.Testing.BadInput.SchemaReader;

namespace EmergencyOps.Testing.BadInput;

/// <summary>Text no field may hold: invalid Unicode, times that are no times or out of range, names outside an enum.</summary>
public static class BadTextValues
{
    /// <summary>Raw JSON for a string field, beyond <see cref="BadValues"/>' basic kinds.</summary>
    public static IEnumerable<(string Label, string Raw)> ForBody(JsonElement schema)
    {
        // Escapes that decode to half a character, and bytes that are no UTF-8 (see InvalidUtf8).
        yield return ("a lone high surrogate", "\"a\\ud800b\"");
        yield return ("a lone low surrogate", "\"a\\udc00b\"");
        yield return ("surrogates in reverse order", "\"a\\udc00\\ud800b\"");
        yield return ("a broken escape", "\"a\\u12\"");
        yield return ("the noncharacter U+FFFE", "\"a\\ufffeb\"");
        yield return ("invalid UTF-8: a lead byte alone", "\"a\uE001b\"");
        yield return ("invalid UTF-8: an encoded surrogate", "\"a\uE002b\"");
        yield return ("invalid UTF-8: an overlong slash", "\"a\uE003b\"");
        yield return ("invalid UTF-8: byte FF", "\"a\uE004b\"");
        if (Format(schema) is "date-time" or "date")
        {
            foreach (var (label, value) in Times(Format(schema) == "date"))
            {
                yield return (label, JsonSerializer.Serialize(value));
            }
        }
        if (HasEnum(schema) && schema.GetProperty("enum").EnumerateArray().Select(e => e.ToString()).ToList() is { Count: > 0 } names)
        {
            foreach (var (label, value) in Names(names))
            {
                yield return (label, JsonSerializer.Serialize(value));
            }
            yield return ("an enum's position as a number", "1");
        }
    }

    /// <summary>The same for a query value (unescaped; no invalid bytes, which a URL cannot carry as text).</summary>
    public static IEnumerable<(string Label, string Value)> ForQuery(JsonElement schema)
    {
        if (Format(schema) is "date-time" or "date")
        {
            foreach (var time in Times(Format(schema) == "date"))
            {
                yield return time;
            }
        }
        if (HasEnum(schema) && schema.GetProperty("enum").EnumerateArray().Select(e => e.ToString()).ToList() is { Count: > 0 } names)
        {
            foreach (var name in Names(names))
            {
                yield return name;
            }
        }
    }

    private static IEnumerable<(string, string)> Times(bool date)
    {
        yield return ("year 10000", date ? "10000-01-01" : "10000-01-01T00:00:00Z");
        yield return ("year 0", date ? "0000-01-01" : "0000-01-01T00:00:00Z");
        yield return ("30 February", date ? "2026-02-30" : "2026-02-30T08:00:00+08:00");
        yield return ("month 13", date ? "2026-13-01" : "2026-13-01T08:00:00+08:00");
        if (!date)
        {
            yield return ("hour 25", "2026-11-29T25:00:00+08:00");
            yield return ("an offset of +15:00", "2026-11-29T08:00:00+15:00");
            yield return ("a Unix time in text", "1764374400");
        }
    }

    private static IEnumerable<(string, string)> Names(List<string> names)
    {
        yield return ("an empty name", "");
        yield return ("two names with a comma", names.Count > 1 ? $"{names[0]},{names[1]}" : $"{names[0]},{names[0]}");
        yield return ("a name with a trailing tab", names[0] + "\t");
        yield return ("a name with a zero-width space", names[0] + "\u200B");
    }
}
