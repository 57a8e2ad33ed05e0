using EmergencyOps.Messaging.Persistence;
using EmergencyOps.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EmergencyOps.Messaging.Tests;

/// <summary>
/// Work scheduled for after a commit (a cache refresh, a notification) runs once the data is durable: its failure must
/// not tell the caller that a committed change failed, and must not stop the work scheduled after it.
/// </summary>
public sealed class AfterCommitTests
{
    [Fact]
    public async Task A_failing_action_after_commit_is_logged_and_neither_undoes_nor_fails_the_commit()
    {
        var database = await GatedDatabase.CreateAsync(timeoutSeconds: 5);
        var logs = new LogRecorder(typeof(OwnedTransaction).FullName!);
        using var loggers = LoggerFactory.Create(builder => builder.AddProvider(logs));
        var ran = new List<string>();

        await using (var db = database.Open(loggers))
        {
            await using var transaction = await db.BeginOrJoinTransactionAsync();
            db.Notes.Add(new Note { Text = "committed" });
            await db.SaveChangesAsync();
            transaction.OnCommitted(() => throw new InvalidOperationException("cache unreachable"));
            transaction.OnCommitted(() =>
            {
                ran.Add("second");
                return Task.CompletedTask;
            });

            await transaction.CommitAsync();
        }

        Assert.Equal(["second"], ran);
        Assert.Equal(["committed"], await database.InContextAsync(db => db.Notes.Select(n => n.Text).ToListAsync()));
        var line = Assert.Single(logs.Lines);
        Assert.Equal(LogLevel.Error, line.Level);
        Assert.Contains("committed data stands", line.Message, StringComparison.Ordinal);
        Assert.Equal(0, database.Waiting);
    }
}
