using System.Net.Http.Json;
using EmergencyOps.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using static Hazards.API.Tests.CitizenTestData;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

/// <summary>A database made before enterprise codes gains their tables at start, and its enterprises their codes.</summary>
public sealed class CitizenSchemaUpgradeTests
{
    private static readonly string[] Tables = ["CitizenReports", "EnterpriseCodes", "HiddenDangerPhotos"];

    [Fact]
    public async Task An_earlier_builds_database_gains_the_citizen_tables_and_every_enterprise_its_code_at_start()
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
        using var citizen = upgraded.Citizen();
        using var after = upgraded.CreateClient();
        await ServiceChecks.AssertReadyAsync(after);

        // The code is in the table before anyone asks the enterprise for it: the public page resolves at once.
        var code = Hazards.API.Model.EnterpriseCodes.Derive(enterprise.Id);
        var info = await citizen.GetFromJsonAsync<Hazards.API.Model.PublicEnterpriseInformation>($"/api/hazards/enterprise-codes/{code}/public", Json);
        Assert.Equal(enterprise.Name, info!.Name);
        var receipt = await citizen.ReportOkAsync(code, Report(Hazards.API.Apis.HazardExamples.TinyPng));
        Assert.Equal(Hazards.API.Model.HiddenDangerState.Reported, (await citizen.ReceiptAsync(receipt.Receipt)).State);
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
