using EmergencyOps.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Shelters.API.Infrastructure;

public class SheltersContext(DbContextOptions<SheltersContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
    }
}
