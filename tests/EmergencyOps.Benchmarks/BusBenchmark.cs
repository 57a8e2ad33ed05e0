using System.Diagnostics;
using EmergencyOps.Messaging.Bus;
using MassTransit;

namespace EmergencyOps.Benchmarks;

/// <summary>A message of the bus benchmark: when it was sent (a Stopwatch timestamp, same process) and a body of event size.</summary>
public sealed record BenchPing(Guid Id, long SentAt, string Body);

/// <summary>
/// MassTransit publish→consume against raw RabbitMQ.Client 7 on the AppHost's broker, with the same guarantees on both:
/// persistent messages, publisher confirms awaited per message, a durable quorum queue behind one exchange, manual
/// acknowledgements and the same prefetch and number of concurrent publishers.
/// </summary>
internal sealed class BusBenchmark : IBenchmark
{
    public const int Publishers = 16;
    public const ushort Prefetch = 32;
    private static readonly string Body = new('x', 300);

    public string Name => "bus";

    public string Title => "MassTransit vs raw RabbitMQ.Client: publish → consume";

    public async Task RunAsync(BenchContext context, BenchmarkResult result, CancellationToken cancellationToken)
    {
        var arrivals = new Arrivals();
        var mtQueue = $"bench-mt-{Guid.NewGuid():N}";
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.ConfigureBroker(context.System.Broker);
            cfg.ReceiveEndpoint(mtQueue, e =>
            {
                e.SetQuorumQueue();
                e.PrefetchCount = Prefetch;
                e.Handler<BenchPing>(ctx =>
                {
                    arrivals.Arrive(ctx.Message.SentAt);
                    return Task.CompletedTask;
                });
            });
        });
        await bus.StartAsync(cancellationToken);
        await using var raw = await RawBus.StartAsync(context.System.Broker, arrivals, cancellationToken);
        try
        {
            Load.Operation viaMassTransit = async (_, _, ct) =>
            {
                await bus.Publish(new BenchPing(Guid.NewGuid(), Stopwatch.GetTimestamp(), Body), ct);
                return (true, null);
            };
            Load.Operation viaRaw = async (_, _, ct) =>
            {
                await raw.PublishAsync(new BenchPing(Guid.NewGuid(), Stopwatch.GetTimestamp(), Body), ct);
                return (true, null);
            };
            var round = context.Options.Round;
            await RoundAsync("warm-up MassTransit", viaMassTransit, arrivals, round / 2, cancellationToken);
            await RoundAsync("warm-up raw", viaRaw, arrivals, round / 2, cancellationToken);
            var (rawRounds, mtRounds) = await Abba.RunAsync(context.Options.RoundsPerSide,
                _ => RoundAsync("raw", viaRaw, arrivals, round, cancellationToken),
                _ => RoundAsync("MassTransit", viaMassTransit, arrivals, round, cancellationToken));
            var throughput = new Figure
            {
                Name = "published and consumed", Unit = "messages/s", Compare = Comparison.Ratio, BaselineLabel = "raw client", CandidateLabel = "MassTransit",
                Baseline = [.. rawRounds.Select(r => r.PerSecond)], Candidate = [.. mtRounds.Select(r => r.PerSecond)], Goal = "ratio ≥ 0.5",
            };
            result.Figures.Add(throughput with { Met = throughput.Versus >= 0.5 });
            result.Figures.Add(new Figure
            {
                Name = "publish → consume p50", Unit = "ms", Compare = Comparison.Difference, BaselineLabel = "raw client", CandidateLabel = "MassTransit",
                Baseline = [.. rawRounds.Select(r => r.P50)], Candidate = [.. mtRounds.Select(r => r.P50)],
            });
            result.Figures.Add(new Figure
            {
                Name = "publish → consume p99", Unit = "ms", Compare = Comparison.Difference, BaselineLabel = "raw client", CandidateLabel = "MassTransit",
                Baseline = [.. rawRounds.Select(r => r.P99)], Candidate = [.. mtRounds.Select(r => r.P99)],
            });
            result.Notes.Add($"{Publishers} concurrent publishers, each awaiting its message's publisher confirm before sending the next; prefetch {Prefetch}; "
                + "persistent messages to a durable quorum queue through one exchange (MassTransit: its message-type exchange, then the queue's own); "
                + $"a {Body.Length}-character body. Throughput counts messages consumed from the round's start until its last message was consumed.");
            result.Notes.Add("Both clients run in the benchmark process and the broker on the same 2 cores; MassTransit's messages carry its JSON envelope, the raw client's the bare record.");
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
            await raw.DeleteAsync(mtQueue);
        }
    }

    private static async Task<LoadResult> RoundAsync(string label, Load.Operation publish, Arrivals arrivals, TimeSpan duration, CancellationToken cancellationToken)
    {
        arrivals.Reset();
        var clock = Stopwatch.StartNew();
        var sent = await Load.ClosedLoopAsync(Publishers, duration, publish, cancellationToken);
        await arrivals.WaitForAsync(sent.Succeeded, TimeSpan.FromSeconds(30), cancellationToken);
        var r = arrivals.Result(clock.Elapsed.TotalSeconds, sent.Succeeded);
        Console.WriteLine($"  {label}: {sent.Succeeded} published (confirm p50 {sent.P50:0.00} ms), {r.Succeeded} consumed, {r.PerSecond:0}/s, "
            + $"publish → consume p50 {r.P50:0.00} ms, p99 {r.P99:0.00} ms");
        return r;
    }
}
