using System.Text.Json;
using EmergencyOps.Messaging.Redis;
using Hazards.API.Extensions;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Hazards.API.Infrastructure;

/// <summary>
/// Code resolutions in Redis. Each code has a version that every committed change of it increments (removing its entries);
/// one generation retires every entry at once (a chemical or a GB 18218 category changed, a process started). An entry
/// carries the generation and version read before its answer was read from the database, so a reader that was slower
/// than a change stores an entry nobody will serve: the cache never goes back in time. Redis failing never fails a read
/// or a write: the database answers, and an invalidation that could not be delivered retires every entry once Redis is back.
/// </summary>
public sealed partial class CodeCache : IDisposable
{
    private const string GenerationKey = "hazards:codes:generation";

    private readonly IDatabase _redis;
    private readonly IOptions<CodeCacheOptions> _options;
    private readonly IOptions<JsonOptions> _json;
    private readonly ILogger<CodeCache> _logger;
    private readonly OutageLog _outages;

    private readonly SemaphoreSlim _catchingUp = new(1, 1);

    // Invalidations that may be missing from Redis, owed as one retirement of every entry. A process starts owing one: it
    // cannot know what changed while it was not running (a restored database, a hand edit).
    private int _owed = 1;

    public CodeCache(IDatabase redis, IOptions<CodeCacheOptions> options, IOptions<JsonOptions> json, ILogger<CodeCache> logger)
    {
        (_redis, _options, _json, _logger) = (redis, options, json, logger);
        _outages = new OutageLog(logger);
        if (Enabled)
        {
            redis.Multiplexer.ConnectionRestored += OnConnectionRestored;
        }
    }

    public void Dispose()
    {
        _redis.Multiplexer.ConnectionRestored -= OnConnectionRestored;
        _catchingUp.Dispose();
    }

    // Back from an outage: what it owes is paid at once, not at the next request, so other replicas stop serving what it missed.
    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e) => _ = CatchUpAsync();

    public bool Enabled => _options.Value.Enabled;

    private TimeSpan TimeToLive => _options.Value.TimeToLive;

    // Versions outlive entries by far, so a stale entry cannot outlast the version that makes it stale.
    private TimeSpan VersionLifetime => TimeToLive * 2 > TimeSpan.FromDays(1) ? TimeToLive * 2 : TimeSpan.FromDays(1);

    private static RedisKey EntryKey(string code, CodeView view) => $"hazards:codes:{code}:{(view == CodeView.Full ? "full" : "public")}";

    private static RedisKey VersionKey(string code) => $"hazards:codes:{code}:version";

    /// <summary>One round trip: the entry with the current stamps. Disabled or unreachable, neither (read the database, store nothing).</summary>
    public async Task<CodeLookup> GetAsync(string code, CodeView view)
    {
        if (!await ReadyAsync())
        {
            return default;
        }
        try
        {
            var values = await _redis.StringGetAsync([EntryKey(code, view), VersionKey(code), GenerationKey]);
            var stamp = new CodeStamp(Number(values[1]), Number(values[2]));
            return new CodeLookup(values[0].IsNullOrEmpty ? null : CodeEntry.Read((ReadOnlyMemory<byte>)values[0], stamp), stamp);
        }
        catch (Exception ex) when (RedisOutage.Is(ex))
        {
            LogReadFailed(_logger, ex, code);
            return default;
        }
    }

    /// <summary>The answer's body as the endpoint sends it (the application's JSON options), for the response and the entry alike.</summary>
    public byte[] Body<T>(T answer) => JsonSerializer.SerializeToUtf8Bytes(answer, _json.Value.SerializerOptions);

    /// <summary>Stores an answer read from the database after <paramref name="lookup"/>; nothing when that read had no stamp.</summary>
    public async Task StoreAsync(string code, CodeView view, CodeLookup lookup, CodeAccess access, ReadOnlyMemory<byte> body)
    {
        if (lookup.Stamp is not { } stamp)
        {
            return;
        }
        try
        {
            await _redis.StringSetAsync(EntryKey(code, view), CodeEntry.Write(stamp, access, body.Span), TimeToLive);
        }
        catch (Exception ex) when (RedisOutage.Is(ex))
        {
            LogWriteFailed(_logger, ex, code);
        }
    }

    /// <summary>True when the cache may be used: enabled, connected, and any invalidation it owes delivered first.</summary>
    private async Task<bool> ReadyAsync()
    {
        if (!Enabled)
        {
            return false;
        }
        // Disconnected, a command would wait out its timeout in the backlog before failing: the database answers at once instead.
        if (!_redis.Multiplexer.IsConnected)
        {
            _outages.Unreachable();
            return false;
        }
        return await CatchUpAsync();
    }

    private static long Number(RedisValue value) => value.TryParse(out long n) ? n : 0;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the cached resolution of {Code} from Redis; the database answers")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not cache the resolution of {Code} in Redis")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string code);
}
