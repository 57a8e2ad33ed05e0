using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.Contracts.Inventory;
using EmergencyOps.Messaging.Bus;
using MassTransit;

namespace EmergencyOps.Benchmarks;

/// <summary>
/// From a stock change POSTed through the gateway to its StockChanged event consumed in another process: a consumer
/// of the benchmark's own on a quorum queue bound to the event, as a subscribing service's would be. The change
/// commits with its event in the outbox; the dispatcher publishes it after the commit.
/// </summary>
internal sealed class StockEventBenchmark : IBenchmark
{
    private const double Rate = 50;
    private static readonly TimeSpan Straggle = TimeSpan.FromSeconds(15);

    public string Name => "stock-event";

    public string Title => "Stock change POST → StockChanged consumed (50 changes/s)";

    public async Task RunAsync(BenchContext context, BenchmarkResult result, CancellationToken cancellationToken)
    {
        var system = context.System;
        var warehouse = (await context.Seed.WarehousesAsync(cancellationToken))[0];
        var consumed = new ConcurrentDictionary<long, long>();
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.ConfigureBroker(system.Broker);
            cfg.ReceiveEndpoint($"bench-stock-changed-{Guid.NewGuid():N}", e =>
            {
                e.SetQuorumQueue();
                e.Handler<StockChanged>(ctx =>
                {
                    if (ctx.Message.WarehouseId == warehouse.Id)
                    {
                        consumed.TryAdd(ctx.Message.LedgerSequence, Stopwatch.GetTimestamp());
                    }
                    return Task.CompletedTask;
                });
            });
        });
        await bus.StartAsync(cancellationToken);
        try
        {
            using var gateway = await system.ClientAsync(system.Gateway, null, cancellationToken);
            gateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", warehouse.Token);
            var duration = context.Options.Quick ? TimeSpan.FromSeconds(4) : TimeSpan.FromSeconds(10);
            // The warm-up waits out anything already in inventory's outbox, so the rounds measure the path, not a backlog.
            var drain = Stopwatch.StartNew();
            await RoundAsync(gateway, warehouse, consumed, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5), cancellationToken);
            result.Notes.Add($"Warm-up: 100 changes, all their events consumed {drain.Elapsed.TotalSeconds:0.0} s after the first was sent.");
            var rounds = new List<(double P50, double P99, int Lost)>();
            for (var i = 0; i < context.Options.RoundsPerSide; i++)
            {
                rounds.Add(await RoundAsync(gateway, warehouse, consumed, duration, Straggle, cancellationToken));
            }
            var p50 = new Figure { Name = "p50", Unit = "ms", CandidateLabel = "POST → consumed", Candidate = [.. rounds.Select(r => r.P50)], Goal = "≤ 50 ms" };
            var p99 = new Figure { Name = "p99", Unit = "ms", CandidateLabel = "POST → consumed", Candidate = [.. rounds.Select(r => r.P99)], Goal = "≤ 250 ms" };
            result.Figures.Add(p50 with { Met = p50.CandidateMedian <= 50 });
            result.Figures.Add(p99 with { Met = p99.CandidateMedian <= 250 });
            result.Notes.Add($"{Rate:0} receipts a second for {duration.TotalSeconds:0} s per round, {context.Options.RoundsPerSide} rounds, by one warehouse's client through the gateway; "
                + $"latency from sending the POST to the event's arrival in the consumer (matched by ledger sequence). Events not consumed within {Straggle.TotalSeconds:0} s: {rounds.Sum(r => r.Lost)}.");
            result.Notes.Add("No service of the system consumes StockChanged today (low-stock and readiness events are what other services use), so the benchmark's consumer stands in for one; "
                + "there is no baseline for this figure in the issue.");
            result.Notes.Add("What bounds it: inventory's outbox dispatcher publishes its rows one at a time, awaiting each publisher confirm and then marking the row sent "
                + "in a write of its own to the service's SQLite file, where it queues behind the stock changes' own write transactions; when it falls behind, "
                + "the backlog waits for the next pass (woken in-process, or the 2 s poll).");
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<(double P50, double P99, int Lost)> RoundAsync(
        HttpClient gateway, BenchWarehouse warehouse, ConcurrentDictionary<long, long> consumed, TimeSpan duration, TimeSpan straggle, CancellationToken cancellationToken)
    {
        var sent = new ConcurrentDictionary<long, long>();
        var r = await Load.FixedRateAsync(Rate, duration, async (_, i, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/inventory/warehouses/{warehouse.Id}/stock-changes")
            {
                Content = JsonContent.Create(new { kind = "receipt", materialCode = Seed.Material, quantity = 1, voucherReference = $"E-{i}" }),
            };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            var at = Stopwatch.GetTimestamp();
            using var response = await gateway.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                return (false, $"{(int)response.StatusCode}");
            }
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            sent[body.GetProperty("entries")[0].GetProperty("sequence").GetInt64()] = at;
            return (true, null);
        }, cancellationToken);
        var deadline = Stopwatch.GetTimestamp() + (long)(straggle.TotalSeconds * Stopwatch.Frequency);
        while (sent.Keys.Any(k => !consumed.ContainsKey(k)) && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(50, cancellationToken);
        }
        var latencies = sent.Where(s => consumed.ContainsKey(s.Key))
            .Select(s => Stopwatch.GetElapsedTime(s.Value, consumed[s.Key]).TotalMilliseconds).Order().ToArray();
        var lost = sent.Count - latencies.Length;
        Console.WriteLine($"  {sent.Count} changes ({r.Failed} refused), {latencies.Length} events consumed: p50 {Stats.Percentile(latencies, 0.5):0.0} ms, "
            + $"p99 {Stats.Percentile(latencies, 0.99):0.0} ms, max {latencies.LastOrDefault():0.0} ms");
        return (Stats.Percentile(latencies, 0.5), Stats.Percentile(latencies, 0.99), lost);
    }
}
