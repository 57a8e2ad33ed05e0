using System.Net;
using System.Text.Json;

namespace EmergencyOps.Gateway.Tests;

public sealed class ReadinessTests : IAsyncLifetime
{
    private readonly GatewayFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Ready_only_when_every_service_is_ready_and_says_which_is_not()
    {
        using var client = _fixture.Gateway.CreateClient();

        using (var ready = await client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            var entries = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("entries");
            Assert.All(new[] { "hazards", "warnings", "inventory", "shelters", "webhooks", "identity" },
                name => Assert.Equal("Healthy", entries.GetProperty(name).GetProperty("status").GetString()));
        }

        _fixture.Shelters.Ready = false;
        using var notReady = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        var body = JsonDocument.Parse(await notReady.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", body.GetProperty("entries").GetProperty("shelters").GetProperty("status").GetString());
        Assert.Contains("503", body.GetProperty("entries").GetProperty("shelters").GetProperty("description").GetString());
        Assert.Equal("Healthy", body.GetProperty("entries").GetProperty("hazards").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Liveness_does_not_depend_on_the_services()
    {
        _fixture.Hazards.Ready = false;
        using var client = _fixture.Gateway.CreateClient();

        using var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
