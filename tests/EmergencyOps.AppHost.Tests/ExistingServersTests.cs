using System.Net;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using EmergencyOps.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyOps.AppHost.Tests;

/// <summary>Given connection strings, the AppHost uses those servers (here the ones test.sh started) and starts none of its own.</summary>
public sealed class ExistingServersTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "emergencyops-existing-" + Guid.NewGuid().ToString("N"));
    private DistributedApplication _app = null!;

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.EmergencyOps_AppHost>(
        [
            "--data-dir", _dataDirectory,
            $"--ConnectionStrings:messaging={TestInfrastructure.RabbitMq}",
            $"--ConnectionStrings:redis={TestInfrastructure.Redis}",
        ]);
        _app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await _app.StartAsync(timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Services_run_on_the_given_broker_and_cache_and_no_server_is_started()
    {
        var model = _app.Services.GetRequiredService<DistributedApplicationModel>();
        Assert.All(["messaging", "redis"], name => Assert.IsNotAssignableFrom<ExecutableResource>(model.Resources.Single(r => r.Name == name)));
        Assert.DoesNotContain(model.Resources, r => r.Name == "messaging-epmd");
        Assert.Equal(TestInfrastructure.RabbitMq.ToString(), await _app.GetConnectionStringAsync("messaging"));
        Assert.Equal(TestInfrastructure.Redis, await _app.GetConnectionStringAsync("redis"));

        using var gateway = _app.CreateHttpClient("gateway");
        using var ready = await gateway.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var entries = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("entries");
        Assert.All(SystemFixture.Services, s => Assert.Equal("Healthy", entries.GetProperty(s).GetProperty("status").GetString()));
    }
}
