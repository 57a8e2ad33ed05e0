using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace EmergencyOps.Testing.BadInput;

/// <summary>
/// A corpus sent over several services at once: the requests are drawn in a fixed order from each service's generator,
/// sent by a few workers at a time (the order they arrive in changes nothing: every one must be refused), and counted.
/// </summary>
public sealed class CorpusRun
{
    private readonly ConcurrentBag<string> _failures = [];
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private readonly ConcurrentDictionary<string, int> _requests = new();

    public Dictionary<string, int> Operations { get; } = [];

    public IReadOnlyDictionary<string, int> Requests => _requests;

    public IReadOnlyDictionary<int, int> Statuses => _statuses;

    public int Total => _requests.Values.Sum();

    /// <summary>The failures in a stable order, whatever order the workers finished in.</summary>
    public IReadOnlyList<string> Failures => [.. _failures.Order(StringComparer.Ordinal)];

    public static async Task<CorpusRun> SendAsync(Func<BadRequest, HttpClient> client, IEnumerable<(string Service, BadRequestGenerator Generator)> services, int concurrency)
    {
        ArgumentNullException.ThrowIfNull(client);
        var run = new CorpusRun();
        await Parallel.ForEachAsync(run.Draw(services), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (item, _) =>
        {
            var (status, failure) = await BadAnswers.CheckAsync(client(item.Request), item.Request);
            run._requests.AddOrUpdate(item.Service, 1, (_, n) => n + 1);
            run._statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            if (failure is not null)
            {
                run._failures.Add(failure);
            }
        });
        return run;
    }

    // Enumerated by one thread at a time (Parallel.ForEachAsync takes items under a lock), so the counts need no lock.
    private IEnumerable<(string Service, BadRequest Request)> Draw(IEnumerable<(string Service, BadRequestGenerator Generator)> services)
    {
        foreach (var (service, generator) in services)
        {
            Operations[service] = 0;
            foreach (var (_, requests) in generator.Generate("/api/" + service))
            {
                Operations[service]++;
                foreach (var request in requests)
                {
                    yield return (service, request);
                }
            }
        }
    }

    /// <summary>The counts for a report: the seed, operations and requests per service, the total, the answers by status.</summary>
    public JsonObject Report(int seed, TimeSpan duration, int changedTables) => new()
    {
        ["seed"] = seed,
        ["operations"] = new JsonObject(Operations.Select(o => KeyValuePair.Create(o.Key, (JsonNode?)o.Value))),
        ["operationsTotal"] = Operations.Values.Sum(),
        ["requests"] = new JsonObject(Operations.Keys.Select(s => KeyValuePair.Create(s, (JsonNode?)_requests.GetValueOrDefault(s)))),
        ["requestsTotal"] = Total,
        ["statuses"] = new JsonObject(_statuses.OrderBy(s => s.Key).Select(s => KeyValuePair.Create(s.Key.ToString(CultureInfo.InvariantCulture), (JsonNode?)s.Value))),
        ["failures"] = _failures.Count,
        ["changedTables"] = changedTables,
        ["durationSeconds"] = Math.Round(duration.TotalSeconds, 1),
    };
}
