using System.Text.Json;
using EmergencyOps.Geography;
using EmergencyOps.Messaging.Redis;
using Microsoft.EntityFrameworkCore;
using Shelters.API.Model;
using StackExchange.Redis;

namespace Shelters.API.Infrastructure;

/// <summary>Free places per district, as the operations centre's map shows them.</summary>
public sealed record DistrictAvailability(
    string DistrictCode, string DistrictName, int Shelters, int OpenShelters, int StandbyShelters,
    long Capacity, long Occupancy, long Available, long AsOf);

/// <summary>
/// Per-district availability in Redis, written after every committed change. Each value carries the
/// shelter log sequence it was computed at, and a Lua compare keeps a slower, older computation from
/// overwriting a newer one, so the cache never goes back in time.
/// </summary>
public sealed partial class AvailabilityCache(SheltersContext db, IDatabase redis, ILogger<AvailabilityCache> logger)
{
    private const string Values = "shelters:availability";
    private const string Sequences = "shelters:availability:seq";

    private static readonly LuaScript SetIfNewer = LuaScript.Prepare("""
        local current = redis.call('HGET', @sequences, @district)
        if (not current) or tonumber(current) < tonumber(@seq) then
          redis.call('HSET', @values, @district, @value)
          redis.call('HSET', @sequences, @district, @seq)
          return 1
        end
        return 0
        """);

    /// <summary>Every district, from the cache where it holds one; from the database while Redis does not answer.</summary>
    public async Task<IReadOnlyList<DistrictAvailability>> GetAllAsync(CancellationToken cancellationToken)
    {
        Dictionary<string, string>? cached;
        try
        {
            cached = (await redis.HashGetAllAsync(Values)).ToDictionary(e => e.Name.ToString(), e => e.Value.ToString());
        }
        catch (Exception ex) when (RedisOutage.Is(ex, cancellationToken))
        {
            LogReadFailed(logger, ex);
            cached = null;
        }
        var result = new List<DistrictAvailability>();
        foreach (var district in Districts.Shanghai)
        {
            if (cached is not null && cached.TryGetValue(district.Code, out var json))
            {
                result.Add(JsonSerializer.Deserialize<DistrictAvailability>(json, JsonSerializerOptions.Web)!);
                continue;
            }
            var value = await ComputeAsync(district.Code, cancellationToken);
            if (cached is not null)
            {
                // A district missing from a cache that answers (after a flush) is filled as it is read, unless Redis
                // stopped answering since: the reader has its answer either way.
                try
                {
                    await StoreAsync(value);
                }
                catch (Exception ex) when (RedisOutage.Is(ex, cancellationToken))
                {
                    LogRefreshFailed(logger, ex, district.Code);
                    cached = null;
                }
            }
            result.Add(value);
        }
        return result;
    }

    /// <summary>Recomputes districts from the database; a Redis failure is logged, never fails the change.</summary>
    public async Task RefreshAsync(IEnumerable<string> districtCodes, CancellationToken cancellationToken)
    {
        foreach (var code in districtCodes.Distinct())
        {
            try
            {
                await RefreshAsync(code, cancellationToken);
            }
            catch (Exception ex) when (RedisOutage.Is(ex, cancellationToken))
            {
                LogRefreshFailed(logger, ex, code);
            }
        }
    }

    private async Task RefreshAsync(string districtCode, CancellationToken cancellationToken) =>
        await StoreAsync(await ComputeAsync(districtCode, cancellationToken));

    private async Task StoreAsync(DistrictAvailability value) => await redis.ScriptEvaluateAsync(SetIfNewer, new
    {
        values = (RedisKey)Values,
        sequences = (RedisKey)Sequences,
        district = value.DistrictCode,
        seq = value.AsOf,
        value = JsonSerializer.Serialize(value, JsonSerializerOptions.Web),
    });

    private async Task<DistrictAvailability> ComputeAsync(string districtCode, CancellationToken cancellationToken)
    {
        // Sequence first: the totals read after it include at least everything up to it.
        var seq = await db.Log.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        var shelters = await db.Shelters.AsNoTracking()
            .Where(s => s.DistrictCode == districtCode && !s.OutOfService)
            .Select(s => new { s.Status, s.Capacity, s.Occupancy })
            .ToListAsync(cancellationToken);
        var receiving = shelters.Where(s => s.Status is ShelterStatus.Open or ShelterStatus.Full).ToList();
        var value = new DistrictAvailability(
            districtCode,
            Districts.Find(districtCode)?.Name ?? districtCode,
            shelters.Count,
            shelters.Count(s => s.Status == ShelterStatus.Open),
            shelters.Count(s => s.Status == ShelterStatus.Standby),
            // Sums in 64 bits: many large shelters in one district never overflow the total.
            shelters.Sum(s => (long)s.Capacity),
            shelters.Sum(s => (long)s.Occupancy),
            receiving.Sum(s => (long)s.Capacity - s.Occupancy),
            seq);
        return value;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the availability cache; answering from the database")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the availability of district {District} in Redis; the periodic reconciliation will")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, string district);
}
