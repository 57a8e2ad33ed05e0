using EmergencyOps.Testing;
using Inventory.API.Model;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Inventory.API.Tests;

public class InventoryFactory() : ServiceFactory<Program>("inventorydb")
{
    /// <summary>The log lines of administrators' changes to warehouses.</summary>
    public LogRecorder Logs { get; } = new(typeof(WarehouseChange).FullName!);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Scan for expiring batches every second, so a test sees the announcement without waiting an hour.
        builder.UseSetting("Inventory:Expiry:ScanInterval", "00:00:01");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}
