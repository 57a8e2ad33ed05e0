using EmergencyOps.Messaging.Persistence;
using EmergencyOps.Messaging.Persistence.WriteGate;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EmergencyOps.Messaging.Tests;

/// <summary>Which providers and which statements the write gate applies to.</summary>
public sealed class WriteGateScopeTests
{
    [Fact]
    public void Sqlite_contexts_are_gated_and_SQL_Server_contexts_are_not()
    {
        var sqlite = Core(DatabaseProvider.Sqlite, "Data Source=gate-scope.db");
        var sqlServer = Core(DatabaseProvider.SqlServer, "Server=localhost;Database=gate-scope;Trusted_Connection=True");

        Assert.Contains(sqlite.Interceptors!, i => i.GetType().Namespace == typeof(WriteGateOptions).Namespace);
        Assert.Equal(typeof(GatedTransactionFactory), sqlite.ReplacedServices![(typeof(IRelationalTransactionFactory), null)]);
        Assert.DoesNotContain(sqlServer.Interceptors ?? [], i => i.GetType().Namespace == typeof(WriteGateOptions).Namespace);
        Assert.False(sqlServer.ReplacedServices?.Keys.Any(k => k.Item1 == typeof(IRelationalTransactionFactory)) ?? false);
    }

    [Theory]
    [InlineData("INSERT INTO \"Notes\" (\"Id\") VALUES (@p0) RETURNING \"Id\";", true)]
    [InlineData("UPDATE \"OutboxMessages\" AS \"o\" SET \"SentAt\" = @p WHERE \"o\".\"Sequence\" = @s", true)]
    [InlineData("  delete FROM \"OutboxMessages\" WHERE 1", true)]
    [InlineData("-- dispatch\n/* lease */ UPDATE \"OutboxLeases\" SET \"Holder\" = NULL", true)]
    [InlineData("REPLACE INTO t VALUES (1)", true)]
    [InlineData("SELECT \"n\".\"Id\" FROM \"Notes\" AS \"n\"", false)]
    [InlineData("-- UPDATE in a comment only\nSELECT 1", false)]
    [InlineData("PRAGMA journal_mode=WAL;", false)]
    [InlineData("UPDATED_AT", false)]
    [InlineData("", false)]
    public void Only_row_writes_are_queued(string sql, bool queued) => Assert.Equal(queued, WriteStatement.IsWrite(sql));

    private static CoreOptionsExtension Core(DatabaseProvider provider, string connectionString) =>
        new DbContextOptionsBuilder<TestContext>().UseConfiguredProvider(provider, connectionString).Options.FindExtension<CoreOptionsExtension>()!;
}
