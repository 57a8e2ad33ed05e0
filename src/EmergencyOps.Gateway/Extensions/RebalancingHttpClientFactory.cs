using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace EmergencyOps.Gateway.Extensions;

/// <summary>
/// Replicas sit behind a connection-level balancer (Aspire's proxy, a Kubernetes Service): it picks a replica per
/// connection, not per request. Pooled connections are therefore retired after <see cref="GatewayOptions.ConnectionLifetime"/>,
/// so new ones reach the other replicas and one kept-alive connection never pins all traffic to one replica.
/// Streams in progress (the live feed) are not cut: the lifetime only stops an idle connection from being reused.
/// </summary>
internal sealed class RebalancingHttpClientFactory(IOptions<GatewayOptions> options) : ForwarderHttpClientFactory
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        handler.PooledConnectionLifetime = options.Value.ConnectionLifetime;
    }
}
