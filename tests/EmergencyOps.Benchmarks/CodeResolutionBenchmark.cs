using System.Net.Http.Json;
using System.Text.Json;

namespace EmergencyOps.Benchmarks;

/// <summary>
/// Product code resolution, GET /api/hazards/codes/{code}, directly to the hazards service. The comparison is
/// with the Redis cache against without it; the hazards service has no cache of resolutions (every request reads the
/// product, enterprise, chemical, current SDS and label, last scan, anomalies and child codes from its database), so
/// only the uncached side exists to measure.
/// </summary>
internal sealed class CodeResolutionBenchmark : IBenchmark
{
    private const int Products = 20;
    private const int Callers = 8;

    public string Name => "code-resolution";

    public string Title => "Product code resolution GET /api/hazards/codes/{code}";

    public async Task RunAsync(BenchContext context, BenchmarkResult result, CancellationToken cancellationToken)
    {
        var system = context.System;
        var codes = await SeedAsync(system, cancellationToken);
        using var client = await system.ClientAsync(system.Direct("hazards"), "regulator1", cancellationToken);
        var round = context.Options.Round;
        Load.Operation resolve = async (_, i, ct) =>
        {
            using var response = await client.GetAsync($"/api/hazards/codes/{codes[i % codes.Count]}", ct);
            await response.Content.LoadIntoBufferAsync(ct);
            return (response.IsSuccessStatusCode, response.IsSuccessStatusCode ? null : $"{(int)response.StatusCode}");
        };
        await Load.ClosedLoopAsync(Callers, round / 2, resolve, cancellationToken);
        var rounds = new List<LoadResult>();
        for (var i = 0; i < context.Options.RoundsPerSide; i++)
        {
            var r = await Load.ClosedLoopAsync(Callers, round, resolve, cancellationToken);
            Console.WriteLine($"  no cache: {r.Succeeded} ok, {r.Failed} failed, {r.PerSecond:0}/s, p50 {r.P50:0.0} ms, p99 {r.P99:0.0} ms");
            rounds.Add(r);
        }
        result.Figures.Add(new Figure
        {
            Name = "resolutions", Unit = "requests/s", CandidateLabel = "no cache", Candidate = [.. rounds.Select(r => r.PerSecond)],
            Goal = "≥ 5× with the Redis cache (no cache exists)",
        });
        result.Figures.Add(new Figure { Name = "p50", Unit = "ms", CandidateLabel = "no cache", Candidate = [.. rounds.Select(r => r.P50)] });
        result.Figures.Add(new Figure { Name = "p99", Unit = "ms", CandidateLabel = "no cache", Candidate = [.. rounds.Select(r => r.P99)] });
        result.Notes.Add($"{Callers} callers (closed loop) resolving {Products} product codes in turn, directly to the hazards service with a regulator's token.");
        result.Notes.Add("Not compared: the hazards service has no Redis (or other) cache of code resolutions to switch on or off, so the \"with cache\" side of the issue's "
            + "≥ 5× goal cannot be measured. A cache would also have to be invalidated by every scan, SDS or label revision and anomaly, since the resolution includes them.");
    }

    private static async Task<List<string>> SeedAsync(BenchSystem system, CancellationToken cancellationToken)
    {
        using var admin = await system.ClientAsync(system.Gateway, "admin", cancellationToken);
        using var registered = await admin.PostAsJsonAsync("/api/hazards/enterprises", new
        {
            creditCode = "91310116MA1K2W9Q4K", name = "基准测试危化品储运有限公司", shortCode = "JZCS", districtCode = "310116",
            address = "上海市金山区基准路1号", latitude = 30.7265, longitude = 121.3342, contact = "基准测试", phone = "021-57940000",
        }, cancellationToken);
        await Http.EnsureAsync(registered, "registering an enterprise", cancellationToken);
        var enterprise = (await registered.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
        var codes = new List<string>();
        for (var i = 0; i < Products; i++)
        {
            using var coded = await admin.PostAsJsonAsync($"/api/hazards/enterprises/{enterprise}/products", new
            {
                cas = "7664-41-7", tradeName = $"液氨(基准{i})", concentration = "≥99.6%", packaging = "钢瓶 400 kg",
                sds = new { sections = Enumerable.Range(1, 16).Select(n => new { number = n, content = $"第{n}部分" }) },
                label = new
                {
                    nameZh = "液氨", nameEn = "Liquid ammonia", pictograms = new[] { "GHS04", "GHS05", "GHS06", "GHS09" }, signalWord = "危险",
                    hazardStatements = new[] { "H221", "H280", "H331", "H314", "H400" }, precautionaryStatements = new[] { "P210", "P260" },
                    supplier = "基准测试危化品储运有限公司", emergencyPhone = "021-57941119",
                },
            }, cancellationToken);
            await Http.EnsureAsync(coded, "registering a product", cancellationToken);
            codes.Add((await coded.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("code").GetString()!);
        }
        return codes;
    }
}
