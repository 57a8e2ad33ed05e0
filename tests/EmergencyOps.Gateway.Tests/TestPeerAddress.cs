using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace EmergencyOps.Gateway.Tests;

/// <summary>
/// Test only: the in-memory test server has no TCP peer, so <c>X-Test-Peer: 203.0.113.7</c> plays the address the
/// connection came from. It runs before the gateway's pipeline, as the real socket would.
/// </summary>
public sealed class TestPeerAddress : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header], out var peer))
            {
                context.Connection.RemoteIpAddress = peer;
                context.Request.Headers.Remove(Header);
            }
            return nextMiddleware(context);
        });
        next(app);
    };
}
