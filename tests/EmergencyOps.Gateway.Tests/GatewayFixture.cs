using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyOps.Gateway.Tests;

/// <summary>The gateway in-process, pointed at real Kestrel services the Aspire way (<c>services__name__http__0</c>).</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public FakeService Hazards { get; } = new() { Name = "hazards" };

    public FakeService Warnings { get; } = new() { Name = "warnings" };

    public FakeService Inventory { get; } = new() { Name = "inventory" };

    public FakeService Shelters { get; } = new() { Name = "shelters" };

    public FakeService Webhooks { get; } = new() { Name = "webhooks" };

    public FakeService Identity { get; } = new() { Name = "identity" };

    public WebApplicationFactory<Program> Gateway { get; private set; } = null!;

    private FakeService[] Services => [Hazards, Warnings, Inventory, Shelters, Webhooks, Identity];

    public async Task InitializeAsync()
    {
        foreach (var service in Services)
        {
            await service.StartAsync();
        }
        Gateway = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            foreach (var service in Services)
            {
                web.UseSetting($"services:{service.Name}:http:0", service.Address.ToString());
            }
        });
    }

    /// <summary>
    /// A gateway of its own (its own rate-limit budgets) with these settings, which authenticates <c>X-Test-Client</c>
    /// callers and takes the connection's address from <c>X-Test-Peer</c>. Disposed with the fixture.
    /// </summary>
    public WebApplicationFactory<Program> With(params (string Key, string Value)[] settings) =>
        Gateway.WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }
            web.ConfigureTestServices(services =>
            {
                services.AddAuthentication(TestClientAuthenticationHandler.SchemeName)
                    .AddScheme<AuthenticationSchemeOptions, TestClientAuthenticationHandler>(TestClientAuthenticationHandler.SchemeName, null);
                services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestPeerAddress>();
            });
        });

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        foreach (var service in Services)
        {
            await service.DisposeAsync();
        }
    }
}
