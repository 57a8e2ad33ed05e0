using Identity.API.Model;
using Microsoft.EntityFrameworkCore;

namespace Identity.API.Infrastructure;

/// <summary>OpenIddict's applications, authorizations, scopes and tokens, and the people who sign in.</summary>
public class IdentityContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Person> People => Set<Person>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.UseOpenIddict();
        modelBuilder.Entity<Person>(person =>
        {
            person.ToTable("People");
            person.HasIndex(p => p.UserName).IsUnique();
            person.Property(p => p.UserName).HasMaxLength(IdentityLimits.UserName);
            person.Property(p => p.DisplayName).HasMaxLength(IdentityLimits.DisplayName);
            person.Property(p => p.PasswordHash).HasMaxLength(IdentityLimits.PasswordHash);
            person.Property(p => p.Role).HasMaxLength(IdentityLimits.Role);
            person.Property(p => p.Binding).HasMaxLength(IdentityLimits.Binding);
            // Nullable, so a SQLite file made before units gains the column at start and its people keep none.
            person.Property(p => p.Unit).HasMaxLength(IdentityLimits.Unit);
            person.Property(p => p.Version).IsConcurrencyToken();
        });
    }
}
