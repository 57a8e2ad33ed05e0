using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace EmergencyOps.Testing;

/// <summary>A date-time string found in an answer: the endpoint, its JSON path and the text as sent.</summary>
public sealed record Timestamp(string Url, string Path, string Value);

/// <summary>
/// The API's one time convention: every date-time in a JSON answer is written in China Standard Time with its offset,
/// <c>+08:00</c>. A zone-less time would be read in the client's own zone; a <c>Z</c> in one answer and <c>+08:00</c> in
/// another makes clients compare texts that mean the same instant. Plain dates (expiry dates) are not times.
/// </summary>
public static partial class Timestamps
{
    public const string ChinaOffset = "+08:00";

    // An ISO 8601 date-time, with or without a zone: what follows the seconds is what is checked.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$", RegexOptions.IgnoreCase)]
    private static partial Regex DateTime();

    /// <summary>Every string of <paramref name="json"/> that is a date-time, with its path from <paramref name="path"/>.</summary>
    public static IEnumerable<(string Path, string Value)> Find(JsonElement json, string path = "$") => json.ValueKind switch
    {
        JsonValueKind.Object => json.EnumerateObject().SelectMany(p => Find(p.Value, $"{path}.{p.Name}")),
        JsonValueKind.Array => json.EnumerateArray().SelectMany((item, i) => Find(item, $"{path}[{i}]")),
        JsonValueKind.String when json.GetString() is { } text && DateTime().IsMatch(text) => [(path, text)],
        _ => [],
    };

    /// <summary>
    /// GETs each URL (each must answer 200 with JSON) and asserts that every time in every answer ends in <c>+08:00</c>,
    /// naming the endpoint and JSON path of each offender. Returns the times found, so a test can check the walk saw some.
    /// </summary>
    public static async Task<IReadOnlyList<Timestamp>> AssertChinaTimeAsync(this HttpClient client, params IEnumerable<string> urls)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(urls);
        var found = new List<Timestamp>();
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {body}");
            using var json = JsonDocument.Parse(body);
            found.AddRange(Find(json.RootElement).Select(t => new Timestamp(url, t.Path, t.Value)));
        }
        AssertChinaTime(found);
        return found;
    }

    /// <summary>As <see cref="AssertChinaTimeAsync"/>, for an answer already read (a POST's), named by <paramref name="what"/>.</summary>
    public static IReadOnlyList<Timestamp> AssertChinaTime(string what, JsonElement answer)
    {
        var found = Find(answer).Select(t => new Timestamp(what, t.Path, t.Value)).ToList();
        AssertChinaTime(found);
        return found;
    }

    private static void AssertChinaTime(List<Timestamp> found)
    {
        var offenders = found.Where(t => !t.Value.EndsWith(ChinaOffset, StringComparison.Ordinal)).ToList();
        Assert.True(offenders.Count == 0,
            $"Times not in China Standard Time ({ChinaOffset}):\n" + string.Join('\n', offenders.Select(t => $"  {t.Url} {t.Path} = \"{t.Value}\"")));
    }

    /// <summary>Asserts that the answer of each of <paramref name="urls"/> held at least one time: a walk that found none proves nothing.</summary>
    public static void AssertSomeIn(this IReadOnlyList<Timestamp> found, params IEnumerable<string> urls)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(urls);
        var empty = urls.Where(url => !found.Any(t => t.Url == url)).ToList();
        Assert.True(empty.Count == 0, "No time in the answer of:\n" + string.Join('\n', empty.Select(url => $"  {url}")));
    }
}
