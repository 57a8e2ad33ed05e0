using System.Net;
using EmergencyOps.Testing;
using Microsoft.Extensions.Options;
using Webhooks.API.Extensions;
using Webhooks.API.Infrastructure;
using static Webhooks.API.Tests.TestEvents;

namespace Webhooks.API.Tests;

/// <summary>Outbound safety: no delivery to loopback, private or reserved addresses unless an administrator allowed it, checked when subscribing and on every connection.</summary>
public sealed class NetworkPolicyTests(PublicOnlyFactory factory) : WebhookTestBase<PublicOnlyFactory>(factory), IClassFixture<PublicOnlyFactory>
{
    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.5", false)]
    [InlineData("192.168.1.10", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.100.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.251", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd12:3456::1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("64:ff9b::a00:1", false)]
    [InlineData("2002:c0a8:0101::1", false)]
    [InlineData("101.226.4.6", true)]
    [InlineData("114.114.114.114", true)]
    [InlineData("2400:da00::6666", true)]
    [InlineData("::ffff:101.226.4.6", true)]
    public void Only_public_unicast_addresses_are_reachable(string address, bool reachable) =>
        Assert.Equal(reachable, NetworkPolicy.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://127.0.0.1:8080/hooks")]
    [InlineData("http://localhost/hooks")]
    [InlineData("http://[::1]/hooks")]
    [InlineData("http://[::ffff:127.0.0.1]/hooks")]
    [InlineData("http://10.0.0.8/hooks")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://100.64.1.1/hooks")]
    [InlineData("http://[fd00::1]/hooks")]
    [InlineData("http://0.0.0.0/hooks")]
    public async Task Subscribing_a_private_or_loopback_endpoint_is_refused_naming_url(string url)
    {
        using var metro = Factory.CreateClient().Integrator("integrator-ssrf");

        using var response = await metro.PostAsync("/api/webhooks/subscriptions", System.Net.Http.Json.JsonContent.Create(WebhookCalls.Subscription(url, ["WarningIssued"])));

        var problem = await response.FieldProblemAsync("url");
        Assert.Contains("address", problem.GetProperty("errors").GetProperty("url")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty((await metro.JsonAsync("/api/webhooks/subscriptions")).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task Https_is_required_unless_plain_http_is_allowed()
    {
        var check = new UrlCheck(Options.Create(new WebhooksOptions { AllowHttp = false, AllowPrivateNetworks = true }));

        var (_, plain) = await check.CheckAsync("http://hooks.example/x", allowPrivate: false, CancellationToken.None);
        var (_, credentials) = await check.CheckAsync("https://user:pw@hooks.example/x", allowPrivate: false, CancellationToken.None);
        var (_, ftp) = await check.CheckAsync("ftp://hooks.example/x", allowPrivate: false, CancellationToken.None);
        var (uri, fine) = await check.CheckAsync("https://hooks.example/x", allowPrivate: false, CancellationToken.None);

        Assert.Contains("https", plain, StringComparison.Ordinal);
        Assert.Contains("credentials", credentials, StringComparison.Ordinal);
        Assert.Contains("http(s)", ftp, StringComparison.Ordinal);
        Assert.Null(fine);
        Assert.Equal("https://hooks.example/x", uri!.AbsoluteUri);
    }

    [Fact]
    public async Task Only_an_administrator_may_allow_a_private_endpoint_and_the_connection_is_checked_again_on_every_send()
    {
        using var metro = Factory.CreateClient().Integrator("integrator-private");
        using var admin = Factory.CreateClient().Administrator();

        using var refused = await metro.PostAsync("/api/webhooks/subscriptions",
            System.Net.Http.Json.JsonContent.Create(WebhookCalls.Subscription(Receiver.Url, ["WarningIssued"], allowPrivateNetwork: true)));
        var allowed = await admin.SubscribeOkAsync(Receiver.Url, ["WarningIssued"], allowPrivateNetwork: true);
        var first = Warning();
        await PublishAsync(first);
        await Receiver.WaitForAsync(first.EventId);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("allowPrivateNetwork", (await refused.ProblemAsync()).GetProperty("field").GetString());
        Assert.True(allowed.Subscription.GetProperty("allowPrivateNetwork").GetBoolean());

        // As if the allowance were withdrawn, or DNS now answered loopback for a name that was public when subscribed.
        await Factory.ExecuteAsync("UPDATE Subscriptions SET AllowPrivateNetwork = 0, Url = $url WHERE Id = $id",
            ("$url", $"http://localhost:{Receiver.Port}/hooks/emergency"), ("$id", ServiceDatabase.Key(allowed.Id)));
        var second = Warning();
        await PublishAsync(second);
        var blocked = (await admin.DeliveryAsync(allowed.Id, second.EventId, d => d.AttemptCount() == 1, "the refused attempt"));

        Assert.Equal("forbiddenAddress", blocked.GetProperty("lastError").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, blocked.GetProperty("lastStatusCode").ValueKind);
        Assert.Empty(Receiver.For(second.EventId));
    }

    [Fact]
    public async Task The_connector_refuses_a_host_that_resolves_to_loopback_and_connects_to_a_literal_public_address_only()
    {
        var loopback = await Assert.ThrowsAsync<ForbiddenAddressException>(() =>
            GuardedConnector.ConnectAsync(new DnsEndPoint("localhost", Receiver.Port), allowPrivate: false, CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<ForbiddenAddressException>(() =>
            GuardedConnector.ConnectAsync(new DnsEndPoint("127.0.0.1", Receiver.Port), allowPrivate: false, CancellationToken.None).AsTask());
        await using var allowed = await GuardedConnector.ConnectAsync(new DnsEndPoint("127.0.0.1", Receiver.Port), allowPrivate: true, CancellationToken.None);

        Assert.Contains("localhost", loopback.Message, StringComparison.Ordinal);
        Assert.True(allowed.CanWrite);
    }
}
