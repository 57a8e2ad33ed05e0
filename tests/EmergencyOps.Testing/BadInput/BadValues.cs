using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using static EmergencyOps.Testing.BadInput.SchemaReader;

namespace EmergencyOps.Testing.BadInput;

/// <summary>The values no operation may accept, by what the schema says a place holds.</summary>
public static class BadValues
{
    /// <summary>Raw JSON replacing one property or list item of a body.</summary>
    public static IEnumerable<(string Label, string Raw)> ForBody(JsonNode? node, JsonElement schema, string name = "")
    {
        var kind = node?.GetValueKind() ?? JsonValueKind.Null;
        var types = Types(schema);
        bool Is(string type, JsonValueKind k) => types.Contains(type) || (types.Count == 0 && kind == k);
        if (Is("string", JsonValueKind.String))
        {
            var valid = kind == JsonValueKind.String ? node!.GetValue<string>() : null;
            return [.. Text(schema), .. BadTextValues.ForBody(schema), .. BadDomainValues.ForBody(name, valid)];
        }
        if (Is("integer", JsonValueKind.Number) || Is("number", JsonValueKind.Number))
        {
            return Numbers(schema, types.Contains("integer"));
        }
        if (Is("boolean", JsonValueKind.True) || kind == JsonValueKind.False)
        {
            return [("text for a boolean", "\"yes\""), ("a number for a boolean", "1")];
        }
        if (Is("array", JsonValueKind.Array))
        {
            return Lists(node, schema);
        }
        return Is("object", JsonValueKind.Object) ? [("text for an object", "\"x\""), ("a list for an object", "[]")] : [];
    }

    /// <summary>A whole body that is not the object the operation reads (<c>null</c> only where a body is required).</summary>
    public static IEnumerable<(string Label, string Text)> ForWholeBody(string example, bool required)
    {
        yield return ("body: malformed JSON", "{");
        yield return ("body: a list", "[]");
        yield return ("body: text", "\"x\"");
        if (required)
        {
            yield return ("body: null", "null");
        }
        if (JsonNode.Parse(example) is JsonObject { Count: > 0 } obj)
        {
            var (key, value) = obj.First();
            yield return ($"body: {key} twice", example.TrimEnd().TrimEnd('}') + $",\"{key}\":{value?.ToJsonString() ?? "null"}}}");
        }
    }

    /// <summary>A query value (unescaped).</summary>
    public static IEnumerable<(string Label, string Value)> ForQuery(JsonElement schema, string name = "")
    {
        foreach (var value in BadTextValues.ForQuery(schema).Concat(BadDomainValues.For(name, null)))
        {
            yield return value;
        }
        yield return ("NUL", "a\u0000b");
        yield return ("a control character", "a\u0001b");
        yield return ("5,000 characters", new string('9', 5_000));
        var types = Types(schema);
        if (types.Contains("integer") || types.Contains("number"))
        {
            yield return ("not a number", "abc");
            yield return ("2^63", "9223372036854775808");
            yield return types.Contains("integer") ? ("a fraction", "1.5") : ("1e309", "1e309");
            if (!types.Contains("integer"))
            {
                yield return ("NaN", "NaN");
            }
            foreach (var bound in Bounds(schema))
            {
                yield return bound;
            }
        }
        else if (types.Contains("boolean"))
        {
            yield return ("not a boolean", "maybe");
        }
        else if (HasEnum(schema))
        {
            yield return ("\"42\" for a name", "42");
            yield return ("an unknown name", "no-such-name");
        }
        else if (Number(schema, "maxLength") is { } maxLength && maxLength < 4_000)
        {
            yield return ("maxLength + 1", new string('x', (int)maxLength + 1));
        }
    }

    private static IEnumerable<(string, string)> Text(JsonElement schema)
    {
        yield return ("NUL", "\"a\\u0000b\"");
        yield return ("a control character", "\"a\\u0007b\"");
        yield return ("25,000 characters", JsonSerializer.Serialize(new string('x', 25_000)));
        if (Number(schema, "maxLength") is { } max && max < 20_000)
        {
            yield return ("maxLength + 1", JsonSerializer.Serialize(new string('x', (int)max + 1)));
        }
        if (HasEnum(schema))
        {
            yield return ("\"42\" for a name", "\"42\"");
            yield return ("an unknown name", "\"no-such-name\"");
        }
        if (Format(schema) is "date-time" or "date")
        {
            yield return ("year 1", "\"0001-01-01T00:00:00Z\"");
            yield return ("year 9999", "\"9999-12-31T23:59:59Z\"");
            yield return ("not a date", "\"soon\"");
        }
        if (Format(schema) == "uuid")
        {
            yield return ("not a UUID", "\"not-a-uuid\"");
        }
        yield return ("a number for text", "42");
        yield return ("an object for text", "{}");
    }

    private static IEnumerable<(string, string)> Numbers(JsonElement schema, bool integer)
    {
        yield return ("1e309", "1e309");
        yield return ("-1e309", "-1e309");
        yield return ("2^63", "9223372036854775808");
        yield return ("a numeric string", "\"12\"");
        yield return ("true", "true");
        yield return ("a leading plus", "+1");
        yield return ("a hexadecimal number", "0x10");
        yield return ("a fraction without its zero", ".5");
        if (integer)
        {
            yield return ("a fraction", "1.5");
            yield return ("2^31", "2147483648");
            yield return ("-2^63 - 1", "-9223372036854775809");
        }
        foreach (var bound in Bounds(schema))
        {
            yield return bound;
        }
    }

    private static IEnumerable<(string, string)> Lists(JsonNode? node, JsonElement schema)
    {
        yield return ("[null]", "[null]");
        yield return ("text for a list", "\"x\"");
        yield return ("an object for a list", "{}");
        yield return ("a list in a list", "[[]]");
        if (Number(schema, "maxItems") is { } maxItems && maxItems < 5_000 && node is JsonArray { Count: > 0 } array)
        {
            var item = array[0]!.ToJsonString();
            yield return ("maxItems + 1", "[" + string.Join(",", Enumerable.Repeat(item, (int)maxItems + 1)) + "]");
            // Far more items than allowed, yet under the gateway's 1 MB body limit, so the service itself must refuse them.
            var huge = Math.Min(20_000, 900_000 / (item.Length + 1));
            if (huge > maxItems + 1)
            {
                yield return (huge.ToString("N0", CultureInfo.InvariantCulture) + " items", "[" + string.Join(",", Enumerable.Repeat(item, huge)) + "]");
            }
        }
    }

    private static IEnumerable<(string, string)> Bounds(JsonElement schema)
    {
        if (Number(schema, "minimum") is { } min)
        {
            yield return ("minimum - 1", (min - 1).ToString("R", CultureInfo.InvariantCulture));
        }
        if (Number(schema, "maximum") is { } max)
        {
            yield return ("maximum + 1", (max + 1).ToString("R", CultureInfo.InvariantCulture));
        }
    }
}
