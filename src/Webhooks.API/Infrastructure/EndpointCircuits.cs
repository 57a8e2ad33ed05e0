using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Webhooks.API.Extensions;

namespace Webhooks.API.Infrastructure;

/// <summary>
/// A circuit breaker per receiver (scheme, host and port), so a dead receiver stops costing attempts and slots: once
/// its circuit opens, its deliveries wait (their attempts unspent) until one probe finds it back. Each replica keeps
/// its own circuits.
/// </summary>
public sealed class EndpointCircuits(IOptions<WebhooksOptions> options, TimeProvider time)
{
    private sealed record Circuit(ResiliencePipeline<SendOutcome> Pipeline, CircuitBreakerStateProvider State);

    private readonly ConcurrentDictionary<string, Circuit> _circuits = new(StringComparer.Ordinal);

    public bool IsOpen(string origin) =>
        _circuits.TryGetValue(origin, out var circuit) && circuit.State.CircuitState is CircuitState.Open or CircuitState.Isolated;

    public IReadOnlyList<string> OpenOrigins => [.. _circuits.Keys.Where(IsOpen)];

    /// <summary>Runs the send through the origin's breaker; throws <see cref="BrokenCircuitException"/> while it is open.</summary>
    public ValueTask<SendOutcome> ExecuteAsync(string origin, Func<CancellationToken, ValueTask<SendOutcome>> send, CancellationToken cancellationToken) =>
        _circuits.GetOrAdd(origin, _ => Create()).Pipeline.ExecuteAsync(send, cancellationToken);

    private Circuit Create()
    {
        var settings = options.Value;
        var state = new CircuitBreakerStateProvider();
        var pipeline = new ResiliencePipelineBuilder<SendOutcome> { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<SendOutcome>
            {
                FailureRatio = settings.BreakerFailureRatio,
                MinimumThroughput = settings.BreakerMinimumThroughput,
                SamplingDuration = settings.BreakerSamplingDuration,
                BreakDuration = settings.BreakerBreakDuration,
                StateProvider = state,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.EndpointFailed == true || args.Outcome.Exception is HttpRequestException),
            })
            .Build();
        return new Circuit(pipeline, state);
    }
}
