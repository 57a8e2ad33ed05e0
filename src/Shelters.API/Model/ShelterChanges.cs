using EmergencyOps.ServiceDefaults.Input;
using EmergencyOps.Contracts.Shelters;
using EmergencyOps.Messaging.Bus;
using EmergencyOps.Messaging.Outbox;
using Shelters.API.Infrastructure;

namespace Shelters.API.Model;

/// <summary>
/// The one place that records a change to a shelter (log entry) and raises its events (outbox), so
/// the API and the warning consumers change shelters the same way.
/// </summary>
public sealed class ShelterChanges(SheltersContext db, IEventOutbox outbox, CorrelationContext correlation, TimeProvider time)
{
    public const string Source = "shelters";

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public void Log(Shelter shelter, ShelterChangeKind kind, int change, string actor, string? note = null, Guid? warningId = null) =>
        db.Log.Add(new ShelterLogEntry
        {
            ShelterId = shelter.Id,
            Kind = kind,
            Change = change,
            OccupancyAfter = shelter.Occupancy,
            StatusAfter = shelter.Status,
            // A note may quote input (a reason, findings): cut to its column, never refused.
            Actor = actor,
            At = Now,
            Note = note is null ? null : TextRules.Fit(note, ShelterLimits.LogNoteLength),
            WarningId = warningId,
        });


    /// <summary>Sets a tracked shelter's status, logs it and raises the matching event.</summary>
    public void SetStatus(Shelter shelter, ShelterStatus status, string actor, string? reason, Guid? warningId = null)
    {
        if (shelter.Status == status)
        {
            return;
        }
        shelter.Status = status;
        Log(shelter, warningId is null ? ShelterChangeKind.Status : ShelterChangeKind.Warning, 0, actor, reason, warningId);
        RaiseStatusEvent(shelter, reason, warningId);
    }

    public void RaiseStatusEvent(Shelter shelter, string? reason, Guid? warningId = null)
    {
        var (id, at, corr) = (Guid.NewGuid(), time.GetUtcNow(), correlation.CorrelationId);
        switch (shelter.Status)
        {
            case ShelterStatus.Open:
                outbox.Add(new ShelterOpened(id, at, Source, corr, shelter.Id, shelter.Name, shelter.DistrictCode, shelter.Capacity, shelter.Available, warningId));
                break;
            case ShelterStatus.Standby:
                outbox.Add(new ShelterPlacedOnStandby(id, at, Source, corr, shelter.Id, shelter.Name, shelter.DistrictCode, shelter.Capacity, warningId));
                break;
            case ShelterStatus.Full:
                outbox.Add(new ShelterFull(id, at, Source, corr, shelter.Id, shelter.Name, shelter.DistrictCode, shelter.Capacity));
                break;
            default:
                outbox.Add(new ShelterClosed(id, at, Source, corr, shelter.Id, shelter.Name, shelter.DistrictCode, reason ?? "closed", shelter.OutOfService));
                break;
        }
    }

    /// <summary>Asks for the people of a shelter that failed its inspection to be moved to the alternatives.</summary>
    public void RaiseRelocationRequested(Shelter shelter, string findings, IReadOnlyList<NearbyShelter> alternatives) =>
        outbox.Add(new ShelterRelocationRequested(Guid.NewGuid(), time.GetUtcNow(), Source, correlation.CorrelationId,
            shelter.Id, shelter.Name, shelter.DistrictCode, shelter.Occupancy, findings,
            [.. alternatives.Select(a => new RelocationAlternative(a.Id, a.Name, a.DistrictCode, a.Available, a.DistanceMetres))]));

    public void RaiseOccupancyChanged(Shelter shelter, int change) =>
        outbox.Add(new ShelterOccupancyChanged(Guid.NewGuid(), time.GetUtcNow(), Source, correlation.CorrelationId,
            shelter.Id, shelter.DistrictCode, change, shelter.Occupancy, shelter.Capacity));
}
