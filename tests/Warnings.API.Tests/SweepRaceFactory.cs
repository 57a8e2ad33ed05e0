using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Warnings.API.Tests;

/// <summary>A clock the test can move forward, so deadlines pass without waiting for them.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}

/// <summary>
/// A replica whose sweeps only the test drives: the background sweep runs once at start and then waits an hour,
/// so the test decides when sweeps run and makes them run at the same time. With <paramref name="first"/> it shares
/// that replica's database, Redis and clock; its broker names stay its own (temporary queues are exclusive).
/// </summary>
public sealed class SweepRaceFactory(ShiftedClock clock, SweepRaceFactory? first = null) : WarningsFactory
{
    public ShiftedClock Clock { get; } = clock;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Settings["Warnings:SweepInterval"] = "01:00:00";
        base.ConfigureWebHost(builder);
        if (first is not null)
        {
            builder.UseSetting("ConnectionStrings:warningsdb", first.DatabaseConnectionString);
            builder.UseSetting("Redis:KeyPrefix", first.EntityPrefix + ":");
        }
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
