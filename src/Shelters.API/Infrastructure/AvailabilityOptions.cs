using System.ComponentModel.DataAnnotations;

namespace Shelters.API.Infrastructure;

/// <summary>Section <c>Shelters:Availability</c>.</summary>
public sealed class AvailabilityOptions
{
    /// <summary>
    /// How often every district's availability is recomputed from the database into Redis: the longest a cache left
    /// stale by an outage stays wrong.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(1);
}
