using System.ComponentModel.DataAnnotations;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shelters.API.Infrastructure;

namespace Shelters.API.Model;

/// <summary>Section <c>Shelters:WarningReaction</c>.</summary>
public sealed class WarningReactionOptions
{
    /// <summary>Open suitable shelters at once instead of putting them on standby.</summary>
    public bool OpenDirectly { get; set; }

    /// <summary>The lowest level that activates shelters (orange by default, so orange and red).</summary>
    [EnumDataType(typeof(WarningLevel))]
    public WarningLevel MinimumLevel { get; set; } = WarningLevel.Orange;
}

/// <summary>
/// What the shelter registry does when a warning is published or ends: activates the warned districts'
/// shelters that suit the hazard (never unsuitable ones, never ones inside the hazard zone), and
/// returns them to normal when the warning ends.
/// </summary>
public sealed class WarningReaction(SheltersContext db, ShelterChanges changes, IOptions<WarningReactionOptions> options)
{
    public const string Actor = "warning-reaction";

    /// <returns>The districts whose shelters changed.</returns>
    public async Task<IReadOnlyList<string>> ActivateAsync(Guid warningId, string type, WarningLevel level, bool exercise, WarningArea area, CancellationToken cancellationToken)
    {
        // Lower enum value = higher level (red = 1).
        if (level > options.Value.MinimumLevel)
        {
            return [];
        }
        // The warnings service validated the geometry; a missing or unreadable one means "districts only".
        var polygon = GeoPolygon.TryParse(area.Polygon, out var ring, out _) ? ring : null;
        var circle = GeoCircle.TryParse(area.Circle, out var disc, out _) ? disc : null;
        var districts = area.DistrictCodes.ToList();
        var shelters = await db.Shelters.Where(s => districts.Contains(s.DistrictCode) && !s.OutOfService).ToListAsync(cancellationToken);
        var already = await db.Activations.Where(a => a.WarningId == warningId).Select(a => a.ShelterId).ToListAsync(cancellationToken);
        var target = options.Value.OpenDirectly ? ShelterStatus.Open : ShelterStatus.Standby;
        var changed = new List<string>();

        foreach (var shelter in shelters.Where(s => s.Suits(type) && !already.Contains(s.Id)))
        {
            if (polygon?.Contains(shelter.Location) == true || circle?.Contains(shelter.Location) == true)
            {
                continue;
            }
            if (exercise)
            {
                db.Activations.Add(Activation(warningId, shelter, shelter.Status, exercise: true));
                changes.Log(shelter, ShelterChangeKind.Warning, 0, Actor, $"exercise: would be {target.ToString().ToLowerInvariant()}", warningId);
                continue;
            }
            if (shelter.Status != ShelterStatus.Closed)
            {
                continue; // Already active: whoever activated it decides when it closes.
            }
            db.Activations.Add(Activation(warningId, shelter, target, exercise: false));
            changes.SetStatus(shelter, target, Actor, $"{level.ToString().ToLowerInvariant()} {type} warning", warningId);
            changed.Add(shelter.DistrictCode);
        }
        return changed;
    }

    public async Task<IReadOnlyList<string>> EndAsync(Guid warningId, WarningEndReason reason, CancellationToken cancellationToken)
    {
        var activations = await db.Activations.Where(a => a.WarningId == warningId && a.EndedAt == null).ToListAsync(cancellationToken);
        var shelterIds = activations.Select(a => a.ShelterId).ToList();
        var shelters = await db.Shelters.Where(s => shelterIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var stillHeld = await db.Activations
            .Where(a => shelterIds.Contains(a.ShelterId) && a.WarningId != warningId && a.EndedAt == null && !a.Exercise)
            .Select(a => a.ShelterId).ToListAsync(cancellationToken);
        var changed = new List<string>();
        foreach (var activation in activations)
        {
            activation.EndedAt = changes.Now;
            // Only undo what this warning did: not a deleted shelter, one people are in, an operator changed, or another warning holds.
            if (!shelters.TryGetValue(activation.ShelterId, out var shelter) || activation.Exercise || shelter.Status != activation.ActivatedStatus || shelter.Occupancy > 0 || stillHeld.Contains(shelter.Id))
            {
                continue;
            }
            changes.SetStatus(shelter, activation.PreviousStatus, Actor, $"warning {reason.ToString().ToLowerInvariant()}", warningId);
            changed.Add(shelter.DistrictCode);
        }
        return changed;
    }

    private WarningActivation Activation(Guid warningId, Shelter shelter, ShelterStatus activated, bool exercise) => new()
    {
        WarningId = warningId,
        ShelterId = shelter.Id,
        PreviousStatus = shelter.Status,
        ActivatedStatus = activated,
        Exercise = exercise,
        ActivatedAt = changes.Now,
    };
}
