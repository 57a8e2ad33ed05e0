using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace EmergencyOps.Benchmarks;

/// <summary>
/// Accepted stock changes per second, through the gateway and directly to the inventory service, in
/// one run, with the balances verified against the ledger afterwards.
/// </summary>
internal static class StockChangeBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var gateway = new Uri(args.ElementAtOrDefault(0) ?? "http://localhost:5080");
        var direct = new Uri(args.ElementAtOrDefault(1) ?? "http://127.0.0.1:5083");
        var requests = int.Parse(args.ElementAtOrDefault(2) ?? "2000", CultureInfo.InvariantCulture);
        var concurrency = int.Parse(args.ElementAtOrDefault(3) ?? "16", CultureInfo.InvariantCulture);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        Console.WriteLine($"stock changes: {requests} receipts of 1 unit, {concurrency} concurrent clients, one warehouse per target");
        var results = new List<(string Target, double PerSecond, double P50, double P99)>();
        // Warm-up on each target first, so JIT and connection set-up are not measured.
        foreach (var (name, baseUri) in new[] { ("direct", direct), ("gateway", gateway) })
        {
            await RunOnceAsync(http, name, baseUri, Math.Min(200, requests), concurrency, warmUp: true);
        }
        // ABBA order, so neither target always runs on a fresher (or more loaded) database.
        foreach (var (name, baseUri) in new[] { ("direct", direct), ("gateway", gateway), ("gateway", gateway), ("direct", direct) })
        {
            results.Add(await RunOnceAsync(http, name, baseUri, requests, concurrency, warmUp: false));
        }
        Console.WriteLine();
        Console.WriteLine("target   | changes/s | p50 ms | p99 ms   (mean of two rounds)");
        var summary = results.GroupBy(r => r.Target)
            .Select(g => (Target: g.Key, PerSecond: g.Average(r => r.PerSecond), P50: g.Average(r => r.P50), P99: g.Average(r => r.P99))).ToList();
        foreach (var r in summary)
        {
            Console.WriteLine($"{r.Target,-8} | {r.PerSecond,9:0} | {r.P50,6:0.0} | {r.P99,6:0.0}");
        }
        Console.WriteLine($"gateway/direct throughput ratio: {summary.Single(r => r.Target == "gateway").PerSecond / summary.Single(r => r.Target == "direct").PerSecond:0.00}");
        return 0;
    }

    private static async Task<(string, double, double, double)> RunOnceAsync(HttpClient http, string name, Uri baseUri, int count, int concurrency, bool warmUp)
    {
        var code = $"BENCH-{name}-{Guid.NewGuid():N}"[..28];
        using var created = await http.PostAsJsonAsync(new Uri(baseUri, "/api/inventory/warehouses"), new
        {
            code, name = $"benchmark {name}", tier = "street", districtCode = "310115", address = "benchmark",
            latitude = 31.22, longitude = 121.54, manager = "benchmark", capacity = 100,
        });
        created.EnsureSuccessStatusCode();
        var warehouse = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var url = new Uri(baseUri, $"/api/inventory/warehouses/{warehouse}/stock-changes");
        var latencies = new double[count];
        var accepted = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url)
                {
                    Content = JsonContent.Create(new { kind = "receipt", materialCode = "FC-SANDBAG", quantity = 1, voucherReference = $"B-{i}" }),
                };
                request.Headers.Add("Idempotency-Key", $"{code}-{i}");
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref accepted);
                }
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;

        // Verify: the balance equals the accepted changes and the ledger sum.
        var balances = JsonDocument.Parse(await http.GetStringAsync(new Uri(baseUri, $"/api/inventory/warehouses/{warehouse}/balances?material=FC-SANDBAG"))).RootElement;
        var onHand = balances[0].GetProperty("onHand").GetInt32();
        var ledger = JsonDocument.Parse(await http.GetStringAsync(new Uri(baseUri, $"/api/inventory/warehouses/{warehouse}/ledger?material=FC-SANDBAG&pageSize=1"))).RootElement;
        var entries = ledger.GetProperty("count").GetInt64();
        var ok = onHand == accepted && entries == accepted;
        Array.Sort(latencies);
        var result = (name, accepted / seconds, latencies[count / 2], latencies[(int)(count * 0.99)]);
        Console.WriteLine($"{(warmUp ? "warm-up " : "")}{name}: {accepted}/{count} accepted in {seconds:0.00} s; balance {onHand}, ledger entries {entries}: {(ok ? "verified" : "MISMATCH")}");
        if (!ok)
        {
            throw new InvalidOperationException($"{name}: balance {onHand} and ledger {entries} do not match {accepted} accepted changes");
        }
        return result;
    }
}
