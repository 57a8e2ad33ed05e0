using System.Net.Http.Json;
using EmergencyOps.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.Hosting;
using static Hazards.API.Tests.HazardTestData;
using static Hazards.API.Tests.RiskTestData;

namespace Hazards.API.Tests;

/// <summary>A database made by a build before risk grading gains the risk tables when the service starts on it, data kept.</summary>
public sealed class RiskSchemaUpgradeTests
{
    private static readonly string[] RiskTables = ["RiskListItems", "RiskLists", "RiskPoints"];

    [Fact]
    public async Task An_earlier_builds_database_gains_the_risk_tables_at_start()
    {
        string database;
        Hazards.API.Model.EnterpriseResponse enterprise;
        await using (var earlier = new HazardsFactory())
        {
            using var client = earlier.CreateClient();
            await ServiceChecks.AssertReadyAsync(client);
            enterprise = await client.RegisterAsync();
            database = earlier.DatabaseConnectionString;
        }
        // As an earlier build left it: without the risk tables, stamped with that build's schema fingerprint.
        foreach (var table in RiskTables)
        {
            await ExecuteAsync(database, $"DROP TABLE \"{table}\"");
        }
        await ExecuteAsync(database, "PRAGMA user_version = 12345");

        await using var upgraded = new ExistingDatabaseFactory(database);
        using var after = upgraded.CreateClient();
        await ServiceChecks.AssertReadyAsync(after);

        var point = await after.AddRiskPointAsync(enterprise.Id, RiskPoint(3, 6, 15));
        var filed = await after.FileAsync(enterprise.Id);
        Assert.Equal(point.Id, Assert.Single(filed.Items).RiskPointId);
        Assert.Equal(enterprise.Name, (await after.GetFromJsonAsync<Hazards.API.Model.EnterpriseResponse>($"/api/hazards/enterprises/{enterprise.Id}", Json))!.Name);
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The hazard registry on a database file that is already there.</summary>
    private sealed class ExistingDatabaseFactory(string connectionString) : ServiceFactory<Program>("hazardsdb")
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:hazardsdb", connectionString);
        }
    }
}
