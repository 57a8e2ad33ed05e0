using EmergencyOps.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Hazards.API.Infrastructure;

public class HazardsContext(DbContextOptions<HazardsContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
    }
}
