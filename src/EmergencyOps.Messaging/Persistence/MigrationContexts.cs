using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EmergencyOps.Messaging.Persistence;

/// <summary>Makes a service's per-provider migrations context, at run time and for dotnet-ef.</summary>
public static class MigrationContexts
{
    public static T Create<T>(DatabaseProvider provider, string connectionString) where T : DbContext
    {
        var options = new DbContextOptionsBuilder<T>().UseConfiguredProvider(provider, connectionString).Options;
        return (T)Activator.CreateInstance(typeof(T), options)!;
    }
}

/// <summary>
/// Lets dotnet-ef make a migrations context without starting the service: the provider is the type's, and generating
/// a migration opens no connection.
/// </summary>
public abstract class MigrationsDesignFactory<T>(DatabaseProvider provider) : IDesignTimeDbContextFactory<T> where T : DbContext
{
    public T CreateDbContext(string[] args) => MigrationContexts.Create<T>(provider,
        provider == DatabaseProvider.Sqlite ? "Data Source=design-time.db" : "Server=design-time;Database=design-time;Trusted_Connection=True");
}
