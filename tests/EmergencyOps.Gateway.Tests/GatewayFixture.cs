using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EmergencyOps.Gateway.Tests;

/// <summary>The gateway in-process, pointed at real Kestrel services the Aspire way (<c>services__name__http__0</c>).</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public FakeService Hazards { get; } = new() { Name = "hazards" };

    public FakeService Warnings { get; } = new() { Name = "warnings" };

    public FakeService Inventory { get; } = new() { Name = "inventory" };

    public FakeService Shelters { get; } = new() { Name = "shelters" };

    public WebApplicationFactory<Program> Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var services = new[] { Hazards, Warnings, Inventory, Shelters };
        foreach (var service in services)
        {
            await service.StartAsync();
        }
        Gateway = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            foreach (var service in services)
            {
                web.UseSetting($"services:{service.Name}:http:0", service.Address.ToString());
            }
        });
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        foreach (var service in new[] { Hazards, Warnings, Inventory, Shelters })
        {
            await service.DisposeAsync();
        }
    }
}
