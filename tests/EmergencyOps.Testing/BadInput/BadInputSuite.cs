using System.Text.Json;

namespace EmergencyOps.Testing.BadInput;

/// <summary>What a run found: every failure says which request and why.</summary>
public sealed record BadInputReport(int Operations, int Requests, IReadOnlyList<string> Failures, int Seed)
{
    /// <summary>Asserts the run covered at least this much (a broken document cannot pass empty) and found nothing.</summary>
    public void AssertClean(int minOperations, int minRequests)
    {
        Xunit.Assert.True(Operations >= minOperations, $"{Operations} operations");
        Xunit.Assert.True(Requests >= minRequests, $"{Requests} requests");
        Xunit.Assert.True(Failures.Count == 0, $"{Failures.Count} of {Requests} (seed {Seed}; repeat with {BadInputSeed.Reproduce(Seed)}):{Environment.NewLine}{string.Join(Environment.NewLine, Failures.Take(60))}");
    }
}

/// <summary>
/// Sends the requests <see cref="BadRequestGenerator"/> derives from a service's OpenAPI document and checks each answer:
/// never a 5xx, never cut short, never accepted; every 4xx a problem detail (a 400 or 422 naming the field in
/// <c>errors</c>); and no table changed by an operation's refused requests. In a fixed order, so a run is repeatable.
/// </summary>
public static class BadInputSuite
{
    public static Task<BadInputReport> RunAsync(
        HttpClient client, string databaseConnectionString, string prefix, Func<string, string, string?> pathValue, params string[] ignoredTables) =>
        RunAsync(client, databaseConnectionString, prefix, pathValue, BadInputOptions.Default, ignoredTables);

    public static async Task<BadInputReport> RunAsync(
        HttpClient client, string databaseConnectionString, string prefix, Func<string, string, string?> pathValue, BadInputOptions options, params string[] ignoredTables)
    {
        ArgumentNullException.ThrowIfNull(client);
        var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;
        var failures = new List<string>();
        int operations = 0, requests = 0;
        foreach (var (operation, batch) in new BadRequestGenerator(document, pathValue, options).Generate(prefix))
        {
            operations++;
            var before = await TableSnapshot.TakeAsync(databaseConnectionString, ignoredTables);
            foreach (var request in batch)
            {
                requests++;
                if ((await BadAnswers.CheckAsync(client, request)).Failure is { } failure)
                {
                    failures.Add(failure);
                }
            }
            var after = await TableSnapshot.TakeAsync(databaseConnectionString, ignoredTables);
            failures.AddRange(TableSnapshot.Differences(before, after).Select(d => $"{operation}: a refused request changed {d} ({BadInputSeed.Reproduce(options.Seed)})"));
        }
        return new BadInputReport(operations, requests, failures, options.Seed);
    }
}
