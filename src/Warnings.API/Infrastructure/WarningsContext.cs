using EmergencyOps.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Warnings.API.Infrastructure;

public class WarningsContext(DbContextOptions<WarningsContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
    }
}
