using EmergencyOps.Messaging.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EmergencyOps.Messaging.Tests;

/// <summary>Every SQLite connection a service context opens, new or from the pool, has the small page cache.</summary>
public sealed class SqliteCacheLimitTests
{
    [Fact]
    public async Task A_new_and_a_pooled_connection_both_have_the_small_page_cache()
    {
        var database = await GatedDatabase.CreateAsync();
        for (var i = 0; i < 2; i++)
        {
            await using var db = database.Open();
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA cache_size;";
            Assert.Equal(-SqliteCacheLimit.KibiBytes, Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task A_connection_opened_without_the_service_configuration_keeps_the_default()
    {
        var database = await GatedDatabase.CreateAsync();
        await using var connection = new SqliteConnection($"Data Source={database.File};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA cache_size;";
        Assert.Equal(-2000L, Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
