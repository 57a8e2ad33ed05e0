using EmergencyOps.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Webhooks.API.Tests;

/// <summary>
/// The webhooks service against the real broker and cache, delivering to loopback receivers over plain HTTP (as the
/// AppHost allows), polling every 50 ms, without jitter so the schedule's times are exact.
/// </summary>
public class WebhooksFactory() : ServiceFactory<Program>("webhooksdb")
{
    public Dictionary<string, string> Settings { get; } = new()
    {
        ["Webhooks:AllowPrivateNetworks"] = "true",
        ["Webhooks:AllowHttp"] = "true",
        ["Webhooks:PollInterval"] = "00:00:00.050",
        ["Webhooks:Jitter"] = "0",
        ["Webhooks:ConnectTimeout"] = "00:00:02",
        ["Webhooks:RequestTimeout"] = "00:00:02",
    };

    /// <summary>When set, the service's clock: the test moves it through the retry schedule.</summary>
    public FakeTimeProvider? Clock { get; protected init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        }
    }
}

/// <summary>The service on a clock that stands still until the test moves it.</summary>
public class ClockedFactory : WebhooksFactory
{
    public ClockedFactory() => Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
}

/// <summary>Private networks refused, as in production (plain HTTP still allowed for the loopback receivers).</summary>
public sealed class PublicOnlyFactory : WebhooksFactory
{
    public PublicOnlyFactory() => Settings["Webhooks:AllowPrivateNetworks"] = "false";
}
