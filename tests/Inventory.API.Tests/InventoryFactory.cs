using EmergencyOps.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Inventory.API.Tests;

public class InventoryFactory() : ServiceFactory<Program>("inventorydb")
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Scan for expiring batches every second, so a test sees the announcement without waiting an hour.
        builder.UseSetting("Inventory:Expiry:ScanInterval", "00:00:01");
    }
}
