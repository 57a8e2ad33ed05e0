using System.Diagnostics;
using System.Text.Json;
using EmergencyOps.Testing;
using EmergencyOps.Testing.BadInput;
using Xunit.Abstractions;

namespace EmergencyOps.AppHost.Tests;

/// <summary>
/// The bad-input corpus through the gateway: every operation of the five services, drawn from each one's OpenAPI document
/// and the seed, sent with real tokens of identities holding the scopes each operation names (so nothing is refused for
/// want of a scope) against real rows.
/// Each answer must be a 4xx problem, and no service's database may differ afterwards.
/// </summary>
[Collection(RunningSystem.Name)]
public sealed class BadInputCorpusTests(SystemFixture system, ITestOutputHelper output)
{
    private const int MinRequests = 10_000;
    private const int Concurrency = 8;

    // Combinations per operation: with the single mutations, enough for over ten thousand requests across the services.
    private const int Combinations = 64;

    // The administrator holds no duty officer's scopes (issuing, responding, dispatching, operating shelters) nor a
    // station's: each operation is sent by the first of these whose token carries every scope it asks for.
    private static readonly string[] Identities = ["admin", "duty1", "district-pd", "station-pd-01"];

    [Fact]
    public async Task Ten_thousand_generated_bad_requests_through_the_gateway_are_refused_with_problems_and_change_no_database()
    {
        var seed = BadInputSeed.Current;
        output.WriteLine($"seed {seed} (set {BadInputSeed.Variable} to repeat or vary it)");
        var clients = new Dictionary<string, HttpClient>();
        foreach (var identity in Identities)
        {
            clients[identity] = await system.AsAsync(identity);
            // A request that were wrongly accepted by the live feed would stream until this cuts it short, and be reported.
            clients[identity].Timeout = TimeSpan.FromSeconds(30);
        }
        var admin = clients["admin"];
        var documents = new Dictionary<string, JsonElement>();
        foreach (var service in SystemFixture.Services)
        {
            documents[service] = JsonDocument.Parse(await admin.GetStringAsync(new Uri($"/openapi/{service}/v1.json", UriKind.Relative))).RootElement;
        }
        var rows = new CorpusRows(admin, clients["duty1"], documents, output.WriteLine);
        var senders = Senders(documents, clients);
        await rows.MakeAsync();
        var databases = new ServiceDatabases(system.DataDirectory);
        var before = await databases.SettledAsync();

        var clock = Stopwatch.StartNew();
        var corpus = SystemFixture.Services.Select(service => (service, new BadRequestGenerator(documents[service], (t, n) => rows.Value(service, t, n), new BadInputOptions(seed, Combinations))))
            .ToList();
        var run = await CorpusRun.SendAsync(r => clients[senders.GetValueOrDefault(r.Operation, "admin")], corpus, Concurrency);
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
        clock.Stop();
        var changed = ServiceDatabases.Differences(before, await databases.TakeAsync()).ToList();

        var report = run.Report(seed, clock.Elapsed, changed.Count);
        output.WriteLine(report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        var file = Path.Combine(Repository.Root(), "artifacts", "badinput", "report.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        var failures = run.Failures.Concat(changed.Select(c => $"a refused request changed {c} ({BadInputSeed.Reproduce(seed)})")).ToList();
        foreach (var failure in failures.Take(80))
        {
            output.WriteLine(failure);
        }
        Assert.True(run.Total >= MinRequests, $"only {run.Total} requests");
        Assert.All(SystemFixture.Services, s => Assert.True(run.Operations[s] > 0 && run.Requests[s] > run.Operations[s], $"{s}: {run.Operations[s]} operations, {run.Requests[s]} requests"));
        // Each sender holds the operation's scopes: a 401 or 403 would mean the request never reached the checks under test.
        Assert.False(run.Statuses.ContainsKey(401) || run.Statuses.ContainsKey(403), string.Join(", ", run.Statuses.Select(s => $"{s.Key}: {s.Value}")));
        Assert.True(failures.Count == 0, $"{failures.Count} failures of {run.Total} (seed {seed}; repeat with {BadInputSeed.Reproduce(seed)}):{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(80))}");
    }

    // Operation ("POST /api/warnings") → the identity that may call it, from the scopes each operation's security names.
    private static Dictionary<string, string> Senders(Dictionary<string, JsonElement> documents, Dictionary<string, HttpClient> clients)
    {
        var senders = new Dictionary<string, string>();
        foreach (var path in documents.Values.SelectMany(d => d.GetProperty("paths").EnumerateObject()))
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object))
            {
                var scopes = operation.Value.TryGetProperty("security", out var security)
                    ? security.EnumerateArray().SelectMany(s => s.EnumerateObject()).SelectMany(s => s.Value.EnumerateArray()).Select(s => s.GetString()!).ToList() : [];
                senders[$"{operation.Name.ToUpperInvariant()} {path.Name}"] =
                    clients.Keys.FirstOrDefault(i => scopes.All(AccessMatrix.ScopesOf[i].Contains)) ?? "admin";
            }
        }
        return senders;
    }
}
