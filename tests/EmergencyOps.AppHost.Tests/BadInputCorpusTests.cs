using System.Diagnostics;
using System.Text.Json;
using EmergencyOps.Testing;
using EmergencyOps.Testing.BadInput;
using Xunit.Abstractions;

namespace EmergencyOps.AppHost.Tests;

/// <summary>
/// The bad-input corpus through the gateway: every operation of the five services, drawn from each one's OpenAPI document
/// and the seed, sent with an administrator's real token (so nothing is refused for want of a scope) against real rows.
/// Each answer must be a 4xx problem, and no service's database may differ afterwards.
/// </summary>
[Collection(RunningSystem.Name)]
public sealed class BadInputCorpusTests(SystemFixture system, ITestOutputHelper output)
{
    private const int MinRequests = 10_000;
    private const int Concurrency = 8;

    // Combinations per operation: with the single mutations, enough for over ten thousand requests across the services.
    private const int Combinations = 40;

    [Fact]
    public async Task Ten_thousand_generated_bad_requests_through_the_gateway_are_refused_with_problems_and_change_no_database()
    {
        var seed = BadInputSeed.Current;
        output.WriteLine($"seed {seed} (set {BadInputSeed.Variable} to repeat or vary it)");
        using var admin = await system.AsAsync("admin");
        // A request that were wrongly accepted by the live feed would stream until this cuts it short, and be reported.
        admin.Timeout = TimeSpan.FromSeconds(30);
        var documents = new Dictionary<string, JsonElement>();
        foreach (var service in SystemFixture.Services)
        {
            documents[service] = JsonDocument.Parse(await admin.GetStringAsync(new Uri($"/openapi/{service}/v1.json", UriKind.Relative))).RootElement;
        }
        var rows = new CorpusRows(admin, documents, output.WriteLine);
        await rows.MakeAsync();
        var databases = new ServiceDatabases(system.DataDirectory);
        var before = await databases.SettledAsync();

        var clock = Stopwatch.StartNew();
        var corpus = SystemFixture.Services.Select(service => (service, new BadRequestGenerator(documents[service], (t, n) => rows.Value(service, t, n), new BadInputOptions(seed, Combinations))))
            .ToList();
        var run = await CorpusRun.SendAsync(admin, corpus, Concurrency);
        clock.Stop();
        var changed = ServiceDatabases.Differences(before, await databases.TakeAsync()).ToList();

        var report = run.Report(seed, clock.Elapsed, changed.Count);
        output.WriteLine(report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        var file = Path.Combine(Repository.Root(), "artifacts", "badinput", "report.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        var failures = run.Failures.Concat(changed.Select(c => $"a refused request changed {c} ({BadInputSeed.Reproduce(seed)})")).ToList();
        Assert.True(run.Total >= MinRequests, $"only {run.Total} requests");
        Assert.All(SystemFixture.Services, s => Assert.True(run.Operations[s] > 0 && run.Requests[s] > run.Operations[s], $"{s}: {run.Operations[s]} operations, {run.Requests[s]} requests"));
        // The administrator may do everything: a 401 or 403 would mean the request never reached the checks under test.
        Assert.False(run.Statuses.ContainsKey(401) || run.Statuses.ContainsKey(403), string.Join(", ", run.Statuses.Select(s => $"{s.Key}: {s.Value}")));
        Assert.True(failures.Count == 0, $"{failures.Count} failures of {run.Total} (seed {seed}; repeat with {BadInputSeed.Reproduce(seed)}):{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(80))}");
    }
}
