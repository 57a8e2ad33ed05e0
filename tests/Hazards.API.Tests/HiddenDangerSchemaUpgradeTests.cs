using System.Net.Http.Json;
using EmergencyOps.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using static Hazards.API.Tests.HazardTestData;
using static Hazards.API.Tests.HiddenDangerTestData;

namespace Hazards.API.Tests;

/// <summary>A database made by a build before hidden dangers gains their tables, and the seeded criteria, when the service starts on it.</summary>
public sealed class HiddenDangerSchemaUpgradeTests
{
    private static readonly string[] Tables = ["HiddenDangerSteps", "HiddenDangers", "MajorDangerCriteria"];

    [Fact]
    public async Task An_earlier_builds_database_gains_the_hidden_danger_tables_at_start()
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
        foreach (var table in Tables)
        {
            await ExecuteAsync(database, $"DROP TABLE \"{table}\"");
        }
        await ExecuteAsync(database, "PRAGMA user_version = 12345");

        await using var upgraded = new ExistingDatabaseFactory(database);
        using var after = upgraded.CreateClient();
        await ServiceChecks.AssertReadyAsync(after);

        var danger = await after.ReportOkAsync(enterprise.Id, Report("general", 7));
        Assert.Equal(Hazards.API.Model.HiddenDangerState.Verified, danger.State);
        Assert.Equal(7, Assert.Single(danger.Criteria).Number);
        Assert.Equal(20, (await after.GetFromJsonAsync<List<Hazards.API.Model.MajorDangerCriterionResponse>>("/api/hazards/major-danger-criteria", Json))!.Count);
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private sealed class ExistingDatabaseFactory(string connectionString) : ServiceFactory<Program>("hazardsdb")
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:hazardsdb", connectionString);
        }
    }
}
