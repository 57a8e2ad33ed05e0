using EmergencyOps.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Inventory.API.Infrastructure;

public class InventoryContext(DbContextOptions<InventoryContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
    }
}
