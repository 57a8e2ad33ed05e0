using System.Collections.Concurrent;
using System.Diagnostics;
using EmergencyOps.Testing;

namespace EmergencyOps.Messaging.Tests;

/// <summary>A request that stores an event and the consumers that handle it form one trace, though a background dispatcher publishes.</summary>
public sealed class TracingTests : IAsyncLifetime, IDisposable
{
    private const string RequestsSource = "EmergencyOps.Messaging.Tests.Requests";
    private static readonly ActivitySource Requests = new(RequestsSource);
    private readonly string _prefix = TestInfrastructure.UniquePrefix("tracing");
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;
    private MessageRecorder _recorder = null!;

    public TracingTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "MassTransit" or ServiceDefaults.OpenTelemetryExtensions.MessagingSource or RequestsSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public async Task InitializeAsync() => _recorder = await new MessageRecorder(_prefix).Record<CounterApplied>().StartAsync();

    public async Task DisposeAsync() => await _recorder.DisposeAsync();

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task Outbox_publish_and_the_consumer_join_the_trace_of_the_request_that_stored_the_event()
    {
        await using var host = await TestHost.StartAsync(TestInfrastructure.FreshSqliteConnectionString("tracing"), _prefix, TestInfrastructure.RabbitMq);
        await host.WaitUntilBusReadyAsync();
        var counter = $"pumps-{Guid.NewGuid():N}";

        ActivityTraceId traceId;
        using (var request = Requests.StartActivity("POST /api/counters", ActivityKind.Server)!)
        {
            traceId = request.TraceId;
            await host.InScopeAsync(async (db, outbox) =>
            {
                outbox.Add(new CounterIncremented(Guid.NewGuid(), DateTimeOffset.UtcNow, "tests", Guid.NewGuid(), counter));
                return await db.SaveChangesAsync();
            });
        }

        // The consumer handled it and raised CounterApplied through its own outbox: that publish is in the same trace too.
        await _recorder.WaitForAsync<CounterApplied>(m => m.Counter == counter);
        await Eventually.TrueAsync(() => InTrace(traceId).Count(a => a.OperationName == "outbox dispatch") == 2, "both outbox publishes in the trace");
        var trace = InTrace(traceId);
        Assert.Contains(trace, a => a.Source.Name == "MassTransit" && a.Kind == ActivityKind.Producer);
        Assert.Contains(trace, a => a.Source.Name == "MassTransit" && a.Kind == ActivityKind.Consumer);
        Assert.All(trace.Where(a => a.OperationName == "outbox dispatch"), a => Assert.NotEqual(default, a.ParentSpanId));
    }

    private List<Activity> InTrace(ActivityTraceId traceId) => [.. _stopped.Where(a => a.TraceId == traceId)];
}
