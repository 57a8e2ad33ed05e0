using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace EmergencyOps.Benchmarks;

/// <summary>
/// Accepted stock changes per second through the gateway and directly, with 1, 8 and 64 warehouses posting at once
/// (each its own client, token and balance), the balances verified against the ledger after every round.
/// </summary>
internal sealed class StockChangeBenchmark : IBenchmark
{
    private static readonly int[] Levels = [1, 8, 64];

    public string Name => "stock-changes";

    public string Title => "Stock changes: gateway vs direct, 1 / 8 / 64 warehouses";

    public async Task RunAsync(BenchContext context, BenchmarkResult result, CancellationToken cancellationToken)
    {
        var system = context.System;
        var warehouses = await context.Seed.WarehousesAsync(cancellationToken);
        using var direct = await system.ClientAsync(system.Direct("inventory"), null, cancellationToken);
        using var gateway = await system.ClientAsync(system.Gateway, null, cancellationToken);
        var round = context.Options.Round;
        await Load.ClosedLoopAsync(4, round / 2, Post(direct, warehouses, "warm"), cancellationToken);
        await Load.ClosedLoopAsync(4, round / 2, Post(gateway, warehouses, "warm"), cancellationToken);
        var verified = 0;
        foreach (var level in Levels)
        {
            var used = warehouses.Take(level).ToList();
            async Task<LoadResult> Round(HttpClient client, string side, int n)
            {
                var before = await LedgerAsync(client, used, cancellationToken);
                var r = await Load.ClosedLoopAsync(level, round, Post(client, used, $"{side}-{level}-{n}"), cancellationToken);
                var after = await LedgerAsync(client, used, cancellationToken);
                var applied = after.Sum(a => a.OnHand) - before.Sum(b => b.OnHand);
                var entries = after.Sum(a => a.Entries) - before.Sum(b => b.Entries);
                Console.WriteLine($"  {side} × {level}: {r.Succeeded} accepted, {r.Failed} refused, {r.PerSecond:0}/s, p50 {r.P50:0.0} ms, p99 {r.P99:0.0} ms; "
                    + $"balances +{applied}, ledger +{entries}{(r.FirstFailure is null ? "" : $" (first refusal: {r.FirstFailure})")}");
                if (applied != r.Succeeded || entries != r.Succeeded)
                {
                    throw new InvalidOperationException($"{side} × {level}: {r.Succeeded} changes accepted, but balances rose by {applied} and the ledger by {entries} entries");
                }
                verified += r.Succeeded;
                return r;
            }
            var (d, g) = await Abba.RunAsync(context.Options.RoundsPerSide, n => Round(direct, "direct", n), n => Round(gateway, "gateway", n));
            result.Figures.Add(new Figure
            {
                Name = $"{level} warehouse{(level == 1 ? "" : "s")}: accepted", Unit = "changes/s", Compare = Comparison.Ratio,
                Baseline = [.. d.Select(r => r.PerSecond)], Candidate = [.. g.Select(r => r.PerSecond)],
                Goal = "≥ 1,000/s", Met = Stats.Median(g.Select(r => r.PerSecond)) >= 1000,
            });
            var p99 = new Figure
            {
                Name = $"{level} warehouse{(level == 1 ? "" : "s")}: p99", Unit = "ms", Compare = Comparison.Difference,
                Baseline = [.. d.Select(r => r.P99)], Candidate = [.. g.Select(r => r.P99)], Goal = "≤ 100 ms",
            };
            result.Figures.Add(p99 with { Met = p99.CandidateMedian <= 100 });
            result.Figures.Add(new Figure
            {
                Name = $"{level} warehouse{(level == 1 ? "" : "s")}: p50", Unit = "ms", Compare = Comparison.Difference,
                Baseline = [.. d.Select(r => r.P50)], Candidate = [.. g.Select(r => r.P50)],
            });
        }
        // Before the profile: the tracer attaches to inventory, and its session's buffers, allocated inside it, are not the service's own.
        context.SampleMemory("after the stock load");
        var parts = context.Memory[^1].Services["inventory"]?.ToString() ?? "gone";
        Console.WriteLine($"  inventory after the stock load: {parts}");
        result.Notes.Add($"Inventory after the stock load: {parts}. Its managed heap during the profiled round is in the profile's counters (dotnet.gc.last_collection.*).");
        await ProfileAsync(context, result, gateway, warehouses, cancellationToken);
        result.Notes.Add($"Each warehouse posts receipts of 1 unit of {Seed.Material} as fast as it is answered (closed loop), with its own client's token and an Idempotency-Key per change.");
        result.Notes.Add($"After every round each warehouse's balance and ledger were read: their growth equals the accepted changes in every round ({verified} changes verified).");
        result.Notes.Add("Goals are judged on the gateway side (what a warehouse sees). Inventory writes to one SQLite file: every change is a write transaction, and writers queue on its single lock.");
    }

    /// <summary>
    /// One more round of 64 warehouses through the gateway, not counted in the figures: inventory is profiled meanwhile,
    /// and the CPU each process used is read, so the report can say what bounds the rate.
    /// </summary>
    private static async Task ProfileAsync(BenchContext context, BenchmarkResult result, HttpClient gateway, IReadOnlyList<BenchWarehouse> warehouses, CancellationToken cancellationToken)
    {
        if (await Profiler.MissingToolsAsync(cancellationToken) is { } missing)
        {
            result.Notes.Add($"Not profiled: {missing}.");
            return;
        }
        // Every process of the run, so the machine's CPU per change is accounted for: the services (those that consume the
        // changes' events too), the broker, the cache, and this process (the warehouses' clients and the orchestrator).
        var finder = context.System.Processes;
        var processes = ServiceProcesses.Names.Select(n => (n, finder.Find(n)))
            .Append(("broker", finder.FindExecutable("beam.smp"))).Append(("redis", finder.FindExecutable("redis-server")))
            .Append(("benchmark", Environment.ProcessId))
            .Where(p => p.Item2 is not null).ToDictionary(p => p.Item1, p => p.Item2!.Value);
        var round = context.Options.Round;
        // The tracer's sampling costs the process CPU too: what a change costs each process is read from rounds without it.
        var costs = new List<(double PerSecond, string PerChange, string Machine, double Inventory)>();
        for (var i = 0; i < 3; i++)
        {
            var unprofiled = new CpuUse(processes);
            var plain = await Load.ClosedLoopAsync(64, round, Post(gateway, warehouses, $"cpu{i}"), cancellationToken);
            var perChange = string.Create(CultureInfo.InvariantCulture,
                $"{unprofiled.PerOperation(plain.Succeeded)}; the whole machine {unprofiled.MachineMillisecondsPer(plain.Succeeded):0.00} ms");
            costs.Add((plain.PerSecond, perChange, unprofiled.Describe(), unprofiled.MillisecondsPer("inventory", plain.Succeeded)));
        }
        var median = costs.OrderBy(c => c.Inventory).ElementAt(1);
        Console.WriteLine($"  CPU per change (median of 3 rounds of 64 warehouses through the gateway, not traced; {median.PerSecond:0}/s): {median.PerChange}; {median.Machine}");
        result.Notes.Add($"CPU per accepted change, from the process table over 3 more 64-warehouse rounds through the gateway (not traced, not in the figures; the median round, {median.PerSecond:0} changes/s): {median.PerChange}; {median.Machine}.");
        LoadResult? profiled = null;
        string? cpu = null;
        var stem = $"{DateTimeOffset.Now:yyyy-MM-dd}-profile-stock-changes";
        var profile = await Profiler.DuringAsync(processes["inventory"], context.Options.OutputDirectory, stem, round + TimeSpan.FromSeconds(3), async () =>
        {
            var use = new CpuUse(processes);
            profiled = await Load.ClosedLoopAsync(64, round, Post(gateway, warehouses, "profile"), cancellationToken);
            cpu = use.Describe();
        }, cancellationToken);
        Console.WriteLine($"  profiled round: {profiled!.PerSecond:0}/s, p99 {profiled.P99:0} ms; {cpu}; {profile}");
        result.Notes.Add($"Profiled round (64 warehouses through the gateway, not in the figures; {profiled.PerSecond:0} changes/s, p99 {profiled.P99:0} ms while traced): {cpu}. "
            + $"Inventory's counters and the methods where its threads spent their time: {Path.GetFileName(profile)}.");
    }

    public static Load.Operation Post(HttpClient client, IReadOnlyList<BenchWarehouse> warehouses, string run) => async (caller, i, ct) =>
    {
        var warehouse = warehouses[caller % warehouses.Count];
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/inventory/warehouses/{warehouse.Id}/stock-changes")
        {
            Content = JsonContent.Create(new { kind = "receipt", materialCode = Seed.Material, quantity = 1, voucherReference = $"B-{run}-{i}" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", warehouse.Token);
        request.Headers.Add("Idempotency-Key", $"{run}-{i}-{Guid.NewGuid():N}");
        return await Load.SendAsync(client, request, ct, withBody: true);
    };

    /// <summary>Each warehouse's balance of the material and its number of ledger entries.</summary>
    private static async Task<List<(int OnHand, long Entries)>> LedgerAsync(HttpClient client, IReadOnlyList<BenchWarehouse> warehouses, CancellationToken cancellationToken)
    {
        var list = new List<(int, long)>();
        foreach (var w in warehouses)
        {
            using var balances = new HttpRequestMessage(HttpMethod.Get, $"/api/inventory/warehouses/{w.Id}/balances?material={Seed.Material}");
            balances.Headers.Authorization = new AuthenticationHeaderValue("Bearer", w.Token);
            using var b = await client.SendAsync(balances, cancellationToken);
            await Http.EnsureAsync(b, "reading balances", cancellationToken);
            var rows = await b.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            var onHand = rows.EnumerateArray().Sum(r => r.GetProperty("onHand").GetInt32());
            using var ledger = new HttpRequestMessage(HttpMethod.Get, $"/api/inventory/warehouses/{w.Id}/ledger?material={Seed.Material}&pageSize=1");
            ledger.Headers.Authorization = new AuthenticationHeaderValue("Bearer", w.Token);
            using var l = await client.SendAsync(ledger, cancellationToken);
            await Http.EnsureAsync(l, "reading the ledger", cancellationToken);
            list.Add((onHand, (await l.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("count").GetInt64()));
        }
        return list;
    }
}
