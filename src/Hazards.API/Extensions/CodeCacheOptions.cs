using System.ComponentModel.DataAnnotations;

namespace Hazards.API.Extensions;

/// <summary>The Redis cache of code resolutions (section <c>Hazards:CodeCache</c>), see <c>CodeCache</c>.</summary>
public sealed class CodeCacheOptions
{
    public const string SectionName = "Hazards:CodeCache";

    /// <summary>Off, every resolution reads the database and the cache is never touched (the benchmark's baseline).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long an entry lives. Every change that alters a resolution removes it after commit; the lifetime bounds what a
    /// change made behind the service's back (or an invalidation lost with Redis) can leave stale.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromMinutes(10);
}
