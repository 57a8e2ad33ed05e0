using EmergencyOps.Messaging.Persistence;
using EmergencyOps.Messaging.Redis;
using StackExchange.Redis;

namespace Hazards.API.Infrastructure;

/// <summary>
/// Invalidation: a change of one code increments its version and removes its entries once committed; a change that reaches
/// many codes, or one that could not be delivered while Redis was away, retires every entry by incrementing the generation.
/// </summary>
public sealed partial class CodeCache
{
    private static readonly LuaScript Bump = LuaScript.Prepare("""
        redis.call('INCR', @version)
        redis.call('PEXPIRE', @version, @lifetime)
        redis.call('DEL', @full, @public)
        return 1
        """);

    /// <summary>Removes the codes' entries once the transaction has committed (never on rollback).</summary>
    public void InvalidateAfterCommit(OwnedTransaction transaction, params IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var list = codes.Distinct(StringComparer.Ordinal).ToList();
        if (Enabled && list.Count > 0)
        {
            transaction.OnCommitted(() => InvalidateAsync(list));
        }
    }

    /// <summary>Retires every entry once the transaction has committed: for changes that reach many codes at once.</summary>
    public void InvalidateAllAfterCommit(OwnedTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (Enabled)
        {
            transaction.OnCommitted(InvalidateAllAsync);
        }
    }

    public async Task InvalidateAsync(IReadOnlyCollection<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (!await ReadyAsync())
        {
            Interlocked.Increment(ref _owed);
            return;
        }
        try
        {
            await Task.WhenAll(codes.Select(code => _redis.ScriptEvaluateAsync(Bump, new
            {
                version = VersionKey(code),
                lifetime = (long)VersionLifetime.TotalMilliseconds,
                full = EntryKey(code, CodeView.Full),
                @public = EntryKey(code, CodeView.Public),
            })));
        }
        catch (Exception ex) when (RedisOutage.Is(ex))
        {
            Interlocked.Increment(ref _owed);
            LogInvalidateFailed(_logger, ex, string.Join(", ", codes));
        }
    }

    public async Task InvalidateAllAsync()
    {
        Interlocked.Increment(ref _owed);
        await ReadyAsync();
    }

    /// <summary>Pays what is owed before the cache is used again; readers wait meanwhile rather than see an entry it retires.</summary>
    private async Task<bool> CatchUpAsync()
    {
        if (Volatile.Read(ref _owed) == 0)
        {
            return true;
        }
        await _catchingUp.WaitAsync();
        try
        {
            // Cleared only if nothing new was owed during the increment; otherwise once more, after it.
            for (var owed = Volatile.Read(ref _owed); owed != 0; owed = Volatile.Read(ref _owed))
            {
                await _redis.StringIncrementAsync(GenerationKey);
                Interlocked.CompareExchange(ref _owed, 0, owed);
            }
            return true;
        }
        catch (Exception ex) when (RedisOutage.Is(ex))
        {
            LogRetireFailed(_logger, ex);
            return false;
        }
        finally
        {
            _catchingUp.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not invalidate the cached resolutions of {Codes} in Redis; every entry is retired once Redis answers")]
    private static partial void LogInvalidateFailed(ILogger logger, Exception exception, string codes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not retire the cached code resolutions in Redis; trying again at its next use")]
    private static partial void LogRetireFailed(ILogger logger, Exception exception);
}
