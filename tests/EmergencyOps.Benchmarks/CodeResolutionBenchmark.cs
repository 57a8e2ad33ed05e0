using System.Net.Http.Json;
using System.Text.Json;

namespace EmergencyOps.Benchmarks;

/// <summary>
/// Product code resolution, GET /api/hazards/codes/{code}, directly to the hazards service with its Redis cache of
/// resolutions (the candidate) and to a second hazards process on the same database with the cache switched off (the
/// baseline, <see cref="UncachedHazards"/>), in ABBA rounds. Uncached, a resolution reads the product, enterprise, chemical
/// and categories, current SDS and label, last scan, anomaly count and child codes; cached, one Redis round trip.
/// </summary>
internal sealed class CodeResolutionBenchmark : IBenchmark
{
    private const int Products = 20;
    private const int Callers = 8;
    private const double Goal = 5;

    public string Name => "code-resolution";

    public string Title => "Product code resolution GET /api/hazards/codes/{code}";

    public async Task RunAsync(BenchContext context, BenchmarkResult result, CancellationToken cancellationToken)
    {
        var system = context.System;
        var codes = await SeedAsync(system, cancellationToken);
        using var cached = await system.ClientAsync(system.Direct("hazards"), "regulator1", cancellationToken);
        using var uncached = await system.ClientAsync(system.Direct(UncachedHazards.Name), "regulator1", cancellationToken);
        var round = context.Options.Round;
        Load.Operation Resolve(HttpClient client) => Load.Get(client, i => $"/api/hazards/codes/{codes[i % codes.Count]}");
        // Warm-up of both until steady: JIT tiers, connection pools, and on the cached side the first (missing) read of every code.
        var warmUp = new List<string>();
        foreach (var (label, client) in new[] { ("no cache", uncached), ("Redis cache", cached) })
        {
            warmUp.Add($"{label} {await Load.WarmUpAsync(Callers, round / 2, Resolve(client), cancellationToken)}");
        }
        var hazards = system.Processes.Find("hazards") is { } pid ? new Dictionary<string, int> { ["hazards"] = pid } : [];
        var cost = new Dictionary<bool, List<(double Machine, double Hazards)>> { [false] = [], [true] = [] };
        async Task<LoadResult> Measured(bool withCache, HttpClient client)
        {
            var use = new CpuUse(hazards);
            var r = await Round(withCache ? "Redis cache" : "no cache", () => Load.ClosedLoopAsync(Callers, round, Resolve(client), cancellationToken));
            cost[withCache].Add((use.MachineMillisecondsPer(r.Succeeded), hazards.Count > 0 ? use.MillisecondsPer("hazards", r.Succeeded) : double.NaN));
            return r;
        }
        var (without, with) = await Abba.RunAsync(context.Options.RoundsPerSide, _ => Measured(false, uncached), _ => Measured(true, cached));
        var throughput = new Figure
        {
            Name = "resolutions", Unit = "requests/s", Compare = Comparison.Ratio, BaselineLabel = "no cache", CandidateLabel = "Redis cache",
            Baseline = [.. without.Select(r => r.PerSecond)], Candidate = [.. with.Select(r => r.PerSecond)], Goal = $"≥ {Goal}× with the Redis cache",
        };
        result.Figures.Add(throughput with { Met = throughput.Versus >= Goal });
        result.Figures.Add(Latency("p50", without, with, r => r.P50));
        result.Figures.Add(Latency("p99", without, with, r => r.P99));
        result.Figures.Add(new Figure
        {
            Name = "CPU per resolution, all processes", Unit = "ms", Compare = Comparison.Difference, BaselineLabel = "no cache", CandidateLabel = "Redis cache",
            Baseline = [.. cost[false].Select(c => c.Machine)], Candidate = [.. cost[true].Select(c => c.Machine)],
        });
        // On a machine whose cores are all busy the rate is its CPU over the CPU a request costs everywhere: the client, the
        // kernel's loopback, Kestrel, authentication. Were a cached answer free in hazards, the ratio could reach this:
        var machineWithout = Stats.Median(cost[false].Select(c => c.Machine));
        var machineWith = Stats.Median(cost[true].Select(c => c.Machine));
        var servedWith = Stats.Median(cost[true].Select(c => c.Hazards));
        result.Notes.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"CPU per resolution, from the process table (medians of the rounds): the whole machine {machineWithout:0.00} ms uncached and {machineWith:0.00} ms cached, "
            + $"of which the cached hazards process {servedWith:0.00} ms. The rest ({machineWith - servedWith:0.00} ms) is spent outside the service: the load generator's "
            + $"client, the orchestrator, the kernel. With both cores busy, even a cache that cost hazards nothing would give at most "
            + $"{machineWithout / Math.Max(0.01, machineWith - servedWith):0.0}× on this machine."));
        await ProfileAsync(context, result, hazards, Resolve(cached), cancellationToken);
        result.Notes.Add($"{Callers} callers (closed loop) resolving {Products} product codes in turn, directly to each hazards process with a regulator's token.");
        result.Notes.Add($"Warm-up rounds of {(round / 2).TotalSeconds:0.#} s until two in a row agree within 10%: {string.Join(", ", warmUp)}.");
        result.Notes.Add($"Failed requests: {without.Concat(with).Sum(r => r.Failed)}.");
        result.Notes.Add($"The baseline is a second hazards process ({UncachedHazards.Name}) started with Hazards:CodeCache:Enabled=false on the same database "
            + "file, as a replica would be; the rounds alternate between the two, so both see the same data, machine and load.");
    }

    /// <summary>One more cached round, not in the figures, with hazards profiled: where a cached answer's CPU goes.</summary>
    private static async Task ProfileAsync(BenchContext context, BenchmarkResult result, Dictionary<string, int> hazards, Load.Operation resolve, CancellationToken cancellationToken)
    {
        if (await Profiler.MissingToolsAsync(cancellationToken) is { } missing)
        {
            result.Notes.Add($"Not profiled: {missing}.");
            return;
        }
        if (!hazards.TryGetValue("hazards", out var pid))
        {
            result.Notes.Add("Not profiled: the hazards process was not found.");
            return;
        }
        var round = context.Options.Round;
        LoadResult? profiled = null;
        var stem = $"{DateTimeOffset.Now:yyyy-MM-dd}-profile-code-resolution";
        var profile = await Profiler.DuringAsync(pid, context.Options.OutputDirectory, stem, round + TimeSpan.FromSeconds(3), async () =>
            profiled = await Load.ClosedLoopAsync(Callers, round, resolve, cancellationToken), cancellationToken);
        Console.WriteLine($"  profiled cached round: {profiled!.PerSecond:0}/s; {profile}");
        result.Notes.Add($"Profiled cached round (not in the figures; {profiled.PerSecond:0} requests/s while traced): hazards' counters and the methods where "
            + $"its threads spent their time are in {Path.GetFileName(profile)}.");
    }

    private static Figure Latency(string name, List<LoadResult> without, List<LoadResult> with, Func<LoadResult, double> value) => new()
    {
        Name = name, Unit = "ms", Compare = Comparison.Difference, BaselineLabel = "no cache", CandidateLabel = "Redis cache",
        Baseline = [.. without.Select(value)], Candidate = [.. with.Select(value)],
    };

    private static async Task<LoadResult> Round(string label, Func<Task<LoadResult>> run)
    {
        var r = await run();
        Console.WriteLine($"  {label}: {r.Succeeded} ok, {r.Failed} failed, {r.PerSecond:0}/s, p50 {r.P50:0.00} ms, p99 {r.P99:0.00} ms{(r.FirstFailure is null ? "" : $" ({r.FirstFailure})")}");
        return r;
    }

    private static async Task<List<string>> SeedAsync(BenchSystem system, CancellationToken cancellationToken) =>
        (await SeedProductsAsync(system, new("91310116MA1K2W9Q4K", "基准测试危化品储运有限公司", "JZCS"), Products, "基准", cancellationToken)).Codes;

    /// <summary>Registers an enterprise and <paramref name="count"/> liquid-ammonia products with their SDS and label, as the bureau's admin.</summary>
    public static async Task<(Guid Enterprise, List<string> Codes)> SeedProductsAsync(
        BenchSystem system, (string CreditCode, string Name, string ShortCode) enterprise, int count, string tag, CancellationToken cancellationToken)
    {
        using var admin = await system.ClientAsync(system.Gateway, "admin", cancellationToken);
        using var registered = await admin.PostAsJsonAsync("/api/hazards/enterprises", new
        {
            creditCode = enterprise.CreditCode, name = enterprise.Name, shortCode = enterprise.ShortCode, districtCode = "310116",
            address = "上海市金山区基准路1号", latitude = 30.7265, longitude = 121.3342, contact = "基准测试", phone = "021-57940000",
        }, cancellationToken);
        await Http.EnsureAsync(registered, "registering an enterprise", cancellationToken);
        var id = (await registered.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
        var codes = new List<string>();
        for (var i = 0; i < count; i++)
        {
            using var coded = await admin.PostAsJsonAsync($"/api/hazards/enterprises/{id}/products", new
            {
                cas = "7664-41-7", tradeName = $"液氨({tag}{i})", concentration = "≥99.6%", packaging = "钢瓶 400 kg",
                sds = new { sections = Enumerable.Range(1, 16).Select(n => new { number = n, content = $"第{n}部分" }) },
                label = new
                {
                    nameZh = "液氨", nameEn = "Liquid ammonia", pictograms = new[] { "GHS04", "GHS05", "GHS06", "GHS09" }, signalWord = "危险",
                    hazardStatements = new[] { "H221", "H280", "H331", "H314", "H400" }, precautionaryStatements = new[] { "P210", "P260" },
                    supplier = enterprise.Name, emergencyPhone = "021-57941119",
                },
            }, cancellationToken);
            await Http.EnsureAsync(coded, "registering a product", cancellationToken);
            codes.Add((await coded.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("code").GetString()!);
        }
        return (id, codes);
    }
}
