using EmergencyOps.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Warnings.API.Tests;

/// <summary>The warnings service with a fast clock for sweeps and feed polling, so expiry and overdue show within seconds.</summary>
public class WarningsFactory : ServiceFactory<Program>
{
    public WarningsFactory() : base("warningsdb")
    {
    }

    public Dictionary<string, string> Settings { get; } = new()
    {
        ["Warnings:SweepInterval"] = "00:00:00.200",
        ["Warnings:AcknowledgeWithin"] = "00:00:02",
        ["Warnings:FeedPollInterval"] = "00:00:00.500",
        ["Warnings:HeartbeatInterval"] = "00:00:01",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>
/// A second replica: the same database and Redis as <paramref name="first"/>. Its broker names are its own,
/// because the tests' temporary queues are exclusive to one connection; the feed needs only the database and Redis.
/// </summary>
public sealed class ReplicaFactory(WarningsFactory first) : WarningsFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:warningsdb", first.DatabaseConnectionString);
        builder.UseSetting("Redis:KeyPrefix", first.EntityPrefix + ":");
    }
}
