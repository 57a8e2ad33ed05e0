using EmergencyOps.Testing;
using Hazards.API.Model;
using Microsoft.Data.Sqlite;

namespace Hazards.API.Tests;

/// <summary>
/// A database file as an earlier build left it: made by this build with one enterprise registered, then without the tables
/// that build did not have, and stamped with another schema fingerprint. The service is then started on it again.
/// </summary>
internal sealed class EarlierDatabase : ExistingDatabaseFactory
{
    private EarlierDatabase(string file, EnterpriseResponse enterprise)
        : base(file) => Enterprise = enterprise;

    /// <summary>The enterprise registered before the upgrade.</summary>
    public EnterpriseResponse Enterprise { get; }

    public static async Task<EarlierDatabase> WithoutAsync(params string[] tables)
    {
        string file;
        EnterpriseResponse enterprise;
        await using (var earlier = new HazardsFactory())
        {
            using var client = earlier.CreateClient();
            await ServiceChecks.AssertReadyAsync(client);
            enterprise = await client.RegisterAsync();
            file = earlier.DatabaseConnectionString;
        }
        // A build before migrations kept no history: its file is adopted, and what it lacks added.
        foreach (var table in tables.Append("__EFMigrationsHistory"))
        {
            await ExecuteAsync(file, $"DROP TABLE \"{table}\"");
        }
        await ExecuteAsync(file, "PRAGMA user_version = 12345");
        return new EarlierDatabase(file, enterprise);
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The hazard registry on a database file that is already there, or that several instances share (replicas).</summary>
internal class ExistingDatabaseFactory(string file) : ServiceFactory<Program>("hazardsdb")
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:hazardsdb", file);
        // Levels for enterprises an earlier build registered come from the risk sweep: soon, not in a minute.
        builder.UseSetting("Hazards:RiskSweepInterval", "00:00:00.200");
    }
}
