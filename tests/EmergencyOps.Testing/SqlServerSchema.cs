using EmergencyOps.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Xunit;

namespace EmergencyOps.Testing;

/// <summary>
/// Proves a service's model works on the production provider without a server: EF generates the
/// SQL Server DDL, the T-SQL parser accepts it, and the script is written to artifacts/sqlserver/
/// for review or for applying by hand.
/// </summary>
public static class SqlServerSchema
{
    public static IReadOnlyList<string> AssertValidScript<TContext>(string service, Func<DbContextOptions<TContext>, TContext> create)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(create);
        var options = new DbContextOptionsBuilder<TContext>();
        options.UseConfiguredProvider(DatabaseProvider.SqlServer, "Server=unused;Database=" + service + ";Trusted_Connection=True");
        using var db = create(options.Options);
        Assert.Equal("Microsoft.EntityFrameworkCore.SqlServer", db.Database.ProviderName);
        var script = db.Database.GenerateCreateScript();

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        var fragment = parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));

        var statements = ((TSqlScript)fragment).Batches.SelectMany(b => b.Statements).OfType<CreateTableStatement>()
            .Select(s => s.SchemaObjectName.BaseIdentifier.Value)
            .ToList();
        Assert.Contains("OutboxMessages", statements);
        Assert.Contains("InboxMessages", statements);

        var folder = Path.Combine(Repository.Root(), "artifacts", "sqlserver");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, service + ".sql"), script);
        return statements;
    }
}
