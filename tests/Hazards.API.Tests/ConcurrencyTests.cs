using System.Net;
using EmergencyOps.Testing;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

public sealed class ConcurrencyTests(HazardsFactory factory) : IClassFixture<HazardsFactory>
{
    [Fact]
    public async Task Concurrent_dispensing_never_takes_more_than_remains_and_the_trace_has_no_gaps()
    {
        using var client = factory.CreateClient();
        var owner = await client.RegisterAsync();
        var code = (await client.RegisterProductAsync(owner.Id)).Code;
        await client.ScanOkAsync(code, Scan("commissioning", owner.Id, 400));

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await client.ScanAsync(code, Scan("dispensing", owner.Id, 100));
            return response.StatusCode;
        }));

        // Each answer is accepted, refused (nothing left) or told to retry (another scan won the race): never a 500.
        Assert.All(answers, s => Assert.Contains(s, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity }));
        var accepted = answers.Count(s => s == HttpStatusCode.Created);
        var trace = await client.TraceAsync(code);
        Assert.Equal(4, accepted); // on SQLite the scans queue for the write lock: all four that fit are accepted
        Assert.Equal(Enumerable.Range(1, accepted + 1), trace.Select(s => s.Sequence));
        Assert.Equal(400m - 100m * accepted, trace[^1].RemainingAfter);
    }
}
