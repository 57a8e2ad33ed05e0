using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EmergencyOps.AppHost.Seeding;

/// <summary>One request of a seed file; see Seed/demo/README.md for the format.</summary>
internal sealed partial record SeedRequest(
    string? Method, string? Path, Dictionary<string, string>? Headers, JsonElement? Body, Dictionary<string, string>? Capture, string? As)
{
    /// <summary>Who sends a request that names nobody: the administrator, who registers what the bureau keeps.</summary>
    public const string DefaultIdentity = "admin";

    public static readonly JsonSerializerOptions FileFormat = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public HttpMethod HttpMethod => new(string.IsNullOrWhiteSpace(Method) ? "POST" : Method.Trim().ToUpperInvariant());

    /// <summary>Builds the request with {{name}} placeholders filled from earlier captures.</summary>
    public HttpRequestMessage ToHttp(Uri gateway, IReadOnlyDictionary<string, string> values)
    {
        if (string.IsNullOrWhiteSpace(Path) || !Path.StartsWith('/'))
        {
            throw new FormatException($"path must start with '/', got '{Path}'");
        }

        var request = new HttpRequestMessage(HttpMethod, new Uri(gateway, Fill(Path, values, v => Uri.EscapeDataString(v))));
        if (Body is { ValueKind: not JsonValueKind.Undefined } body)
        {
            var json = Fill(body.GetRawText(), values, v => JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(v));
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in Headers ?? [])
        {
            var filled = Fill(value, values, v => v);
            if (!request.Headers.TryAddWithoutValidation(name, filled))
            {
                request.Content ??= new StringContent(string.Empty);
                request.Content.Headers.Remove(name);
                request.Content.Headers.TryAddWithoutValidation(name, filled);
            }
        }

        return request;
    }

    /// <summary>Stores response values for later requests: name → dotted path such as "id" or "items.0.code".</summary>
    public IEnumerable<string> CaptureFrom(string responseBody, IDictionary<string, string> values)
    {
        if (Capture is not { Count: > 0 })
        {
            yield break;
        }

        using var document = ParseOrNull(responseBody);
        foreach (var (name, path) in Capture)
        {
            if (document is not null && TryResolve(document.RootElement, path, out var value))
            {
                values[name] = value;
            }
            else
            {
                yield return $"capture '{name}': the response has no '{path}'";
            }
        }
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string> values, Func<string, string> encode) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? encode(v)
            : RelativeDate(m.Groups[1].Value) is { } date ? encode(date)
            : throw new FormatException($"{{{{{m.Groups[1].Value}}}}} was not captured by an earlier request"));

    // {{today}}, {{today+20}}, {{today-3}}: demo data that stays realistic whenever it is loaded (expiring batches, inspections);
    // {{now}}, {{now+12h}}, {{now-30m}}: timestamps for warnings and readings.
    private static string? RelativeDate(string name)
    {
        var now = NowPlus().Match(name);
        if (now.Success)
        {
            var amount = now.Groups[1].Success ? int.Parse(now.Groups[1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
            var offset = now.Groups[2].Value == "h" ? TimeSpan.FromHours(amount) : TimeSpan.FromMinutes(amount);
            return (DateTimeOffset.UtcNow + offset).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }
        var match = TodayPlus().Match(name);
        if (!match.Success)
        {
            return null;
        }
        var days = match.Groups[1].Success ? int.Parse(match.Groups[1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        return DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^today([+-]\d+)?$")]
    private static partial Regex TodayPlus();

    [GeneratedRegex(@"^now(?:([+-]\d+)([hm]))?$")]
    private static partial Regex NowPlus();

    private static bool TryResolve(JsonElement root, string path, out string value)
    {
        JsonElement? element = root;
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            element = element is { } e ? Step(e, part) : null;
        }

        value = element switch
        {
            { ValueKind: JsonValueKind.String } e => e.GetString()!,
            { } e => e.GetRawText(),
            null => string.Empty,
        };
        return element is not null;
    }

    private static JsonElement? Step(JsonElement element, string part) => element.ValueKind switch
    {
        JsonValueKind.Object => element.TryGetProperty(part, out var child) ? child : null,
        JsonValueKind.Array => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            && i < element.GetArrayLength() ? element[i] : null,
        _ => null,
    };

    private static JsonDocument? ParseOrNull(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.+-]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
