using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Messaging.Redis;
using EmergencyOps.ServiceDefaults.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Warnings.API.Extensions;
using Warnings.API.Model;

namespace Warnings.API.Infrastructure;

/// <summary>A feed event ready to write: its SSE frame and what filters look at.</summary>
public sealed record FeedItem(long Sequence, string Type, WarningLevel Level, WarningLevel? PreviousLevel, bool Exercise, IReadOnlyList<string> DistrictCodes, byte[] Frame)
{
    public static FeedItem From(FeedEntry e) => new(e.Sequence, e.Type, e.Level, e.PreviousLevel, e.Exercise, e.DistrictCodes,
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"id: {e.Sequence}\nevent: {OneLine(e.EventType)}\ndata: {OneLine(e.Payload)}\n\n")));

    // What this service wrote is one line of JSON; a row damaged since must not split or end the SSE frame early.
    private static string OneLine(string text) => TextRules.Strip(text).Replace('\r', ' ').Replace('\n', ' ');
}

/// <summary>
/// Tails the feed table once per replica and fans new entries out to this replica's subscribers. A
/// commit here wakes it directly; commits on other replicas wake it through Redis pub/sub, and a poll
/// covers lost notifications (pub/sub is at most once). The table, not this memory, is the record.
/// </summary>
public sealed partial class FeedHub(
    IServiceScopeFactory scopes, IConnectionMultiplexer redis, IConfiguration configuration, IOptions<WarningsOptions> options,
    TimeProvider time, ILogger<FeedHub> logger)
    : BackgroundService
{
    private const int SubscriberBuffer = 2048;
    private static readonly TimeSpan GapRecheck = TimeSpan.FromMilliseconds(100);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _delivered;
    private (long Sequence, DateTimeOffset Since)? _gap;
    private readonly ConcurrentDictionary<Guid, Channel<FeedItem>> _subscribers = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly RedisChannel _channel = RedisChannel.Literal((configuration["Redis:KeyPrefix"] ?? "emergencyops:") + "warnings:feed");

    public int SubscriberCount => _subscribers.Count;

    /// <summary>Registers a subscriber; every entry dispatched from now on is written to its channel.</summary>
    public (Guid Id, ChannelReader<FeedItem> Reader) Subscribe()
    {
        var channel = Channel.CreateBounded<FeedItem>(new BoundedChannelOptions(SubscriberBuffer) { SingleReader = true, SingleWriter = true });
        var id = Guid.NewGuid();
        _subscribers[id] = channel;
        return (id, channel.Reader);
    }

    public void Unsubscribe(Guid id) => _subscribers.TryRemove(id, out _);

    /// <summary>
    /// The last sequence dispatched to subscribers. A replay reads the table only up to here: what lies
    /// beyond comes through the subscription, in order, after any gap before it has filled or timed out.
    /// </summary>
    public async Task<long> DeliveredAsync(CancellationToken cancellationToken)
    {
        await _started.Task.WaitAsync(cancellationToken);
        return Interlocked.Read(ref _delivered);
    }

    public async Task NotifyAsync()
    {
        Wake();
        try
        {
            // Fire and forget: a hung Redis must not hold up the commit that called this; other replicas poll anyway.
            await redis.GetSubscriber().PublishAsync(_channel, "1", CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (RedisOutage.Is(ex))
        {
            // Other replicas find the entry at their next poll.
            LogNotifyFailed(logger, ex.Message);
        }
    }

    private void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await redis.GetSubscriber().SubscribeAsync(_channel, (_, _) => Wake());
        }
        catch (Exception ex) when (RedisOutage.Is(ex, stoppingToken))
        {
            LogNotifyFailed(logger, ex.Message);
        }
        long last;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WarningsContext>();
            last = await db.Feed.MaxAsync(e => (long?)e.Sequence, stoppingToken) ?? 0;
        }
        Interlocked.Exchange(ref _delivered, last);
        _started.TrySetResult();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(_gap is null ? options.Value.FeedPollInterval : GapRecheck, stoppingToken);
                last = await DispatchAsync(last, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                LogDispatchFailed(logger, ex);
            }
        }
    }

    private async Task<long> DispatchAsync(long last, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarningsContext>();
        while (true)
        {
            var entries = await db.Feed.AsNoTracking().Where(e => e.Sequence > last).OrderBy(e => e.Sequence).Take(500).ToListAsync(cancellationToken);
            foreach (var item in entries.Select(FeedItem.From))
            {
                if (item.Sequence > last + 1 && WaitingForGap(last + 1))
                {
                    return last;
                }
                _gap = null;
                foreach (var (id, channel) in _subscribers)
                {
                    // A subscriber this far behind is dropped: it reconnects with Last-Event-ID and catches up from the table.
                    if (!channel.Writer.TryWrite(item))
                    {
                        channel.Writer.TryComplete();
                        _subscribers.TryRemove(id, out _);
                    }
                }
                last = item.Sequence;
                Interlocked.Exchange(ref _delivered, last);
            }
            if (entries.Count < 500)
            {
                return last;
            }
        }
    }

    /// <summary>Whether to hold back what follows <paramref name="missing"/> a while longer, in case it is still committing.</summary>
    private bool WaitingForGap(long missing)
    {
        var now = time.GetUtcNow();
        if (_gap?.Sequence != missing)
        {
            _gap = (missing, now);
        }
        if (now - _gap.Value.Since < options.Value.FeedGapGrace)
        {
            return true;
        }
        LogGapPassed(logger, missing);
        return false;
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed notification not sent through Redis: {Reason}")]
    private static partial void LogNotifyFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed sequence {Sequence} never committed; passing it")]
    private static partial void LogGapPassed(ILogger logger, long sequence);

    [LoggerMessage(Level = LogLevel.Error, Message = "Feed dispatch failed; retrying at the next wake")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);
}
