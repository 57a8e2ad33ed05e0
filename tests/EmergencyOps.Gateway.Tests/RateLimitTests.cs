using System.Globalization;
using System.Net;
using EmergencyOps.Gateway.Extensions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EmergencyOps.Gateway.Tests;

public sealed class RateLimitTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    // An hour-long window: no permit comes back while a test runs, so the counts below are exact.
    private static readonly (string, string) LongWindow = ("Gateway:RateLimits:Window", "01:00:00");

    [Fact]
    public async Task A_client_over_its_limit_gets_429_with_Retry_After_while_another_client_still_passes()
    {
        using var gateway = fixture.With(LongWindow, ("Gateway:RateLimits:ClientPermits", "3"), ("Gateway:RateLimits:AnonymousPermits", "1"));
        using var client = gateway.CreateClient();
        var warehouse = Caller.ClientNamed("warehouse-07");

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await warehouse.GetAsync(client, "/api/inventory/echo/stock");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var refused = await warehouse.GetAsync(client, "/api/inventory/echo/stock");

        var problem = await Problem.AssertAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Contains("warehouse-07", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture);
        // One permit comes back every window / permits (20 minutes here): the caller is told exactly that, in whole seconds.
        Assert.InRange(retryAfter, 1_190, 1_200);
        Assert.NotNull(refused.Headers.GetValues("X-Correlation-ID"));

        // Another client, and the same client's other budgets (none: one budget per client), are not affected.
        using var other = await Caller.ClientNamed("warehouse-08").GetAsync(client, "/api/inventory/echo/stock");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        using var anonymousFromSameAddress = await Caller.Anonymous("198.51.100.200").GetAsync(client, "/api/inventory/echo/stock");
        Assert.Equal(HttpStatusCode.OK, anonymousFromSameAddress.StatusCode);
    }

    [Fact]
    public async Task People_signed_in_through_the_shared_console_client_each_have_a_budget()
    {
        using var gateway = fixture.With(LongWindow, ("Gateway:RateLimits:ClientPermits", "2"));
        using var client = gateway.CreateClient();
        var operator1 = new Caller(Client: "operations-console", Subject: "41", Peer: "198.51.100.10");
        var operator2 = new Caller(Client: "operations-console", Subject: "42", Peer: "198.51.100.10");

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await operator1.GetAsync(client, "/api/warnings/echo/feed");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var refused = await operator1.GetAsync(client, "/api/warnings/echo/feed");
        using var colleague = await operator2.GetAsync(client, "/api/warnings/echo/feed");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, colleague.StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_are_limited_per_address()
    {
        using var gateway = fixture.With(LongWindow, ("Gateway:RateLimits:AnonymousPermits", "2"));
        using var client = gateway.CreateClient();
        var first = Caller.Anonymous("203.0.113.1");

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await first.GetAsync(client, "/api/hazards/echo/codes");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var refused = await first.GetAsync(client, "/api/shelters/echo/nearby");
        using var second = await Caller.Anonymous("203.0.113.2").GetAsync(client, "/api/hazards/echo/codes");

        var problem = await Problem.AssertAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Contains("anonymous", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task An_IPv6_caller_is_counted_by_its_64_bit_prefix()
    {
        using var gateway = fixture.With(LongWindow, ("Gateway:RateLimits:AnonymousPermits", "2"));
        using var client = gateway.CreateClient();

        // One host rotating through addresses of its own /64 (privacy addresses) still spends one budget.
        using var first = await Caller.Anonymous("2001:db8:1:2::10").GetAsync(client, "/api/hazards/echo/x");
        using var second = await Caller.Anonymous("2001:db8:1:2::11").GetAsync(client, "/api/hazards/echo/x");
        using var rotated = await Caller.Anonymous("2001:db8:1:2:aaaa::1").GetAsync(client, "/api/hazards/echo/x");
        using var otherNetwork = await Caller.Anonymous("2001:db8:1:3::10").GetAsync(client, "/api/hazards/echo/x");

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK],
            new[] { first, second, rotated, otherNetwork }.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task The_token_endpoint_is_limited_like_any_anonymous_call()
    {
        using var gateway = fixture.With(LongWindow, ("Gateway:RateLimits:AnonymousPermits", "2"));
        using var client = gateway.CreateClient();
        var caller = Caller.Anonymous("203.0.113.9");

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var request = caller.Request(HttpMethod.Post, "/connect/token",
                new FormUrlEncodedContent([KeyValuePair.Create("grant_type", "client_credentials"), KeyValuePair.Create("client_id", "x")]));
            using var response = await client.SendAsync(request);
            answers.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task A_forged_X_Forwarded_For_does_not_buy_a_new_budget()
    {
        using var gateway = fixture.With(LongWindow, ("Gateway:RateLimits:AnonymousPermits", "2"));
        using var client = gateway.CreateClient();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            // The caller is not a trusted proxy: what it says about "the original client" is ignored.
            using var response = await new Caller(Peer: "203.0.113.50", ForwardedFor: $"192.0.2.{i + 1}").GetAsync(client, "/api/hazards/echo/x");
            answers.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_the_address_it_reports_is_the_caller()
    {
        using var gateway = fixture.With(LongWindow, ("Gateway:RateLimits:AnonymousPermits", "1"), ("Gateway:TrustedProxies:0", "10.0.0.0/8"));
        using var client = gateway.CreateClient();

        using var first = await new Caller(Peer: "10.1.2.3", ForwardedFor: "192.0.2.10").GetAsync(client, "/api/hazards/echo/x");
        using var again = await new Caller(Peer: "10.1.2.4", ForwardedFor: "192.0.2.10").GetAsync(client, "/api/hazards/echo/x");
        using var someoneElse = await new Caller(Peer: "10.1.2.3", ForwardedFor: "192.0.2.11").GetAsync(client, "/api/hazards/echo/x");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, someoneElse.StatusCode);
    }

    [Fact]
    public async Task Health_endpoints_are_never_limited()
    {
        using var gateway = fixture.With(LongWindow, ("Gateway:RateLimits:AnonymousPermits", "1"));
        using var client = gateway.CreateClient();
        var probe = Caller.Anonymous("203.0.113.77");

        for (var i = 0; i < 5; i++)
        {
            using var live = await probe.GetAsync(client, "/health/live");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        using var api = await probe.GetAsync(client, "/api/hazards/echo/x");
        using var overBudget = await probe.GetAsync(client, "/api/hazards/echo/x");
        using var stillLive = await probe.GetAsync(client, "/health/live");

        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, overBudget.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillLive.StatusCode);
    }

    [Fact]
    public void Outside_Development_the_defaults_are_600_per_client_and_120_per_address_a_minute()
    {
        using var gateway = fixture.Gateway.WithWebHostBuilder(web => web.UseEnvironment("Production"));

        var limits = gateway.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value;

        Assert.Equal(600, limits.ClientPermits);
        Assert.Equal(120, limits.AnonymousPermits);
        Assert.Equal(TimeSpan.FromMinutes(1), limits.Window);
        Assert.Equal(1_048_576, gateway.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.MaxRequestBodySize);
    }
}
