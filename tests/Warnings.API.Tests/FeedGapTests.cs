using System.Globalization;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Testing;
using Microsoft.Extensions.DependencyInjection;
using Warnings.API.Infrastructure;
using Warnings.API.Model;

namespace Warnings.API.Tests;

/// <summary>
/// Sequences committed out of order, as SQL Server identities can be: the feed holds what follows a missing
/// sequence until it commits (then sends both in order) or the grace period passes (a rolled-back insert).
/// </summary>
public sealed class FeedGapTests(FeedGapTests.Factory factory) : IClassFixture<FeedGapTests.Factory>
{
    public sealed class Factory : WarningsFactory
    {
        public Factory() => Settings["Warnings:FeedGapGrace"] = "00:00:30";
    }

    [Fact]
    public async Task A_lower_sequence_committed_after_a_higher_one_is_sent_first_live_and_on_replay()
    {
        using var client = factory.CreateClient();
        await using var live = await SseClient.ConnectAsync(client, "/api/warnings/feed");
        var last = await factory.Services.GetRequiredService<FeedHub>().DeliveredAsync(CancellationToken.None);

        await FeedGap.InsertAsync(factory.Services, last + 2);
        await using var resumed = await SseClient.ConnectAsync(client, "/api/warnings/feed", last.ToString(CultureInfo.InvariantCulture));
        Assert.True(await live.NothingMoreAsync(TimeSpan.FromMilliseconds(700)), "held while the lower sequence may still commit");
        Assert.True(await resumed.NothingMoreAsync(TimeSpan.FromMilliseconds(100)), "a replay does not run ahead of the gap either");
        await FeedGap.InsertAsync(factory.Services, last + 1);

        var expected = new[] { last + 1, last + 2 }.Select(s => s.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(expected, (await live.TakeAsync(2)).Select(e => e.Id));
        Assert.Equal(expected, (await resumed.TakeAsync(2)).Select(e => e.Id));
        Assert.True(await live.NothingMoreAsync(TimeSpan.FromMilliseconds(300)), "nothing twice");
    }
}

public sealed class FeedGapGraceTests(FeedGapGraceTests.Factory factory) : IClassFixture<FeedGapGraceTests.Factory>
{
    public sealed class Factory : WarningsFactory
    {
        public Factory() => Settings["Warnings:FeedGapGrace"] = "00:00:01";
    }

    [Fact]
    public async Task A_sequence_that_never_commits_is_passed_after_the_grace_period()
    {
        using var client = factory.CreateClient();
        await using var live = await SseClient.ConnectAsync(client, "/api/warnings/feed");
        var last = await factory.Services.GetRequiredService<FeedHub>().DeliveredAsync(CancellationToken.None);

        await FeedGap.InsertAsync(factory.Services, last + 2);

        var next = await live.NextAsync(TimeSpan.FromSeconds(15));
        Assert.Equal((last + 2).ToString(CultureInfo.InvariantCulture), next.Id);
        // Subscribers are written to first; the hub's own mark follows.
        await Eventually.TrueAsync(async () => await factory.Services.GetRequiredService<FeedHub>().DeliveredAsync(CancellationToken.None) == last + 2,
            "the hub to mark the sequence delivered");
    }
}

internal static class FeedGap
{
    /// <summary>Commits a feed entry with a chosen sequence, as a concurrent transaction would.</summary>
    public static async Task InsertAsync(IServiceProvider services, long sequence)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarningsContext>();
        db.Feed.Add(new FeedEntry
        {
            Sequence = sequence, WarningId = Guid.NewGuid(), Version = 1, EventType = "warning.issued", Type = "typhoon",
            Level = WarningLevel.Yellow, DistrictCodes = ["310151"], Payload = $"{{\"sequence\":{sequence}}}", At = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }
}
