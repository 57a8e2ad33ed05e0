using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.Identity.Client;
using EmergencyOps.Testing;
using Microsoft.Data.Sqlite;

namespace Identity.API.Tests;

/// <summary>Units named in configuration: checked as the API checks them, and given to accounts made before units existed.</summary>
public sealed class UnitSeedTests
{
    [Fact]
    public async Task Seeded_units_ride_in_the_seeded_accounts_tokens()
    {
        using var factory = new IdentityFactory();
        using var tokens = factory.Tokens();

        var responder = Jwt.Payload(await tokens.GetAsync("responder-gas"));
        var district = Jwt.Payload(await tokens.GetAsync("district-hp"));

        Assert.Equal("上海燃气有限公司", responder.GetProperty("unit").GetString());
        Assert.Equal(("310101", "黄浦区应急管理局"), (district.GetProperty("district").GetString(), district.GetProperty("unit").GetString()));
    }

    [Theory]
    [InlineData("Identity:Clients:2:Unit", "   ", "Identity:Clients: 'responder-gas': unit: The role 'responder' must name")]
    [InlineData("Identity:People:0:Unit", "黄浦区应急管理局", "Identity:People: 'duty1': unit: The role 'duty-officer' acknowledges and reports for any")]
    [InlineData("Identity:People:1:Unit", "系统管理处", "Identity:People: 'admin': unit: The role 'admin' does not acknowledge")]
    [InlineData("Identity:People:2:Unit", "黄浦区\t应急管理局", "Identity:People: 'district-hp': unit: Contains a tab")]
    public void A_seeded_unit_that_breaks_the_rules_stops_the_start_naming_the_account(string key, string value, string expected)
    {
        using var factory = new IdentityFactory(TestInfrastructure.FreshSqliteConnectionString("identity"), new Dictionary<string, string> { [key] = value });

        var refused = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains(expected, Messages(refused), StringComparison.Ordinal);
    }

    [Fact]
    public void A_responder_seeded_without_its_unit_stops_the_start()
    {
        // A seed from before units: the responder names none.
        using var factory = new IdentityFactory(TestInfrastructure.FreshSqliteConnectionString("identity"), new Dictionary<string, string>
        {
            ["Identity:Clients:3:ClientId"] = "responder-drainage", ["Identity:Clients:3:Secret"] = "responder-drainage-secret-for-tests",
            ["Identity:Clients:3:DisplayName"] = "上海市排水管理事务中心", ["Identity:Clients:3:Role"] = "responder",
        });

        var refused = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains("Identity:Clients: 'responder-drainage': unit:", Messages(refused), StringComparison.Ordinal);
    }

    // A file made before units: no People.Unit column, no unit in the clients' properties.
    [Fact]
    public async Task A_database_from_before_units_gains_the_column_keeps_its_accounts_and_takes_the_seeds_units()
    {
        var database = TestInfrastructure.FreshSqliteConnectionString("identity");
        using (var first = new IdentityFactory(database))
        {
            _ = first.Server;
        }
        // A build before migrations kept no history either: its file is adopted, and the column added.
        await ExecuteAsync(database, "ALTER TABLE People DROP COLUMN Unit; DROP TABLE __EFMigrationsHistory; " +
            "UPDATE OpenIddictApplications SET Properties = json_remove(Properties, '$.unit') WHERE Properties IS NOT NULL; PRAGMA user_version = 777;");

        using var second = new IdentityFactory(database);
        using var tokens = second.Tokens();

        Assert.Equal("上海燃气有限公司", Jwt.Payload(await tokens.GetAsync("responder-gas")).GetProperty("unit").GetString());
        Assert.Equal("黄浦区应急管理局", Jwt.Payload(await tokens.GetAsync("district-hp")).GetProperty("unit").GetString());
        Assert.False(Jwt.Payload(await tokens.GetAsync("duty1")).TryGetProperty("unit", out _));
        using var admin = second.CreateClient();
        admin.DefaultRequestHeaders.Authorization = TokenSource.Bearer(await tokens.GetAsync("admin"));
        var people = await admin.GetFromJsonAsync<JsonElement>("/api/identity/people");
        Assert.Equal(JsonValueKind.Null, people.EnumerateArray().Single(p => p.GetProperty("userName").GetString() == "duty1").GetProperty("unit").ValueKind);
    }

    // A client registered before its role gained a scope (here: as if warnings:respond were new) may ask for it after a restart.
    [Fact]
    public async Task A_client_registered_before_its_role_gained_a_scope_is_given_the_scope_at_start()
    {
        var database = TestInfrastructure.FreshSqliteConnectionString("identity");
        using (var first = new IdentityFactory(database))
        {
            _ = first.Server;
        }
        await ExecuteAsync(database, "UPDATE OpenIddictApplications SET Permissions = replace(Permissions, ',\"scp:warnings:respond\"', '') " +
            "WHERE ClientId IN ('responder-gas', 'operations-console');");
        Assert.DoesNotContain("scp:warnings:respond", await ScalarAsync(database, "SELECT Permissions FROM OpenIddictApplications WHERE ClientId = 'responder-gas'"),
            StringComparison.Ordinal);

        using var second = new IdentityFactory(database);
        using var tokens = second.Tokens();

        Assert.Equal(["warnings:respond"], Jwt.Values(Jwt.Payload(await tokens.GetAsync("responder-gas", "warnings:respond")), "scope"));
        Assert.Contains("scp:warnings:respond", await ScalarAsync(database, "SELECT Permissions FROM OpenIddictApplications WHERE ClientId = 'operations-console'"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restart_with_another_seeded_unit_leaves_the_stored_one()
    {
        var database = TestInfrastructure.FreshSqliteConnectionString("identity");
        using (var first = new IdentityFactory(database))
        {
            _ = first.Server;
        }

        using var second = new IdentityFactory(database, new Dictionary<string, string> { ["Identity:People:2:Unit"] = "黄浦区防汛指挥部办公室" });
        using var tokens = second.Tokens();

        Assert.Equal("黄浦区应急管理局", Jwt.Payload(await tokens.GetAsync("district-hp")).GetProperty("unit").GetString());
    }

    private static string Messages(Exception exception)
    {
        var messages = new List<string>();
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }
        return string.Join(" | ", messages);
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> ScalarAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
