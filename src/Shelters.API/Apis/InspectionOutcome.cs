using Shelters.API.Model;

namespace Shelters.API.Apis;

/// <summary>What an inspection does to its shelter: a failure takes it out of service, a pass returns it to service.</summary>
internal static class InspectionOutcome
{
    public const int Alternatives = 5;

    /// <summary>
    /// Takes the shelter out of service. Empty, it closes (remembering the status to return to); with people inside it
    /// keeps them, receives no one new and asks for their relocation. Returns the relocation, when one is needed.
    /// </summary>
    public static async Task<RelocationNeeded?> FailAsync(Shelter shelter, string findings, ShelterServices services, ILogger logger, CancellationToken cancellationToken)
    {
        var wasOutOfService = shelter.OutOfService;
        shelter.OutOfService = true;
        if (shelter.Occupancy > 0)
        {
            var alternatives = await services.NearestWithRoomAsync(shelter.Location, shelter.Occupancy, Alternatives, shelter.Id, cancellationToken);
            services.Changes.Log(shelter, ShelterChangeKind.Inspection, 0, services.Actor,
                $"failed with {shelter.Occupancy} people inside: out of service for new arrivals, relocation requested: {findings}");
            services.Changes.RaiseRelocationRequested(shelter, findings, alternatives);
            logger.RelocationRequested(shelter.Id, shelter.Occupancy, alternatives.Count);
            return new RelocationNeeded(shelter.Occupancy, alternatives);
        }
        if (!wasOutOfService)
        {
            shelter.StatusBeforeOutOfService = shelter.Status == ShelterStatus.Closed ? null : shelter.Status;
        }
        // Out of service means closed; SetStatus raises ShelterClosed with the reason.
        if (shelter.Status == ShelterStatus.Closed && !wasOutOfService)
        {
            services.Changes.RaiseStatusEvent(shelter, "failed inspection");
        }
        services.Changes.SetStatus(shelter, ShelterStatus.Closed, services.Actor, "failed inspection");
        services.Changes.Log(shelter, ShelterChangeKind.Inspection, 0, services.Actor, $"failed: {findings}");
        return null;
    }

    /// <summary>
    /// Returns the shelter to service and, when a failed inspection closed it, to the status it had before
    /// (unless an operator changed the status since).
    /// </summary>
    public static void Pass(Shelter shelter, string findings, ShelterServices services, ILogger logger)
    {
        var wasOutOfService = shelter.OutOfService;
        var previous = shelter.StatusBeforeOutOfService;
        shelter.OutOfService = false;
        shelter.StatusBeforeOutOfService = null;
        services.Changes.Log(shelter, ShelterChangeKind.Inspection, 0, services.Actor, $"passed: {findings}");
        if (!wasOutOfService || previous is not { } before || shelter.Status != ShelterStatus.Closed)
        {
            return;
        }
        var target = before is ShelterStatus.Open or ShelterStatus.Full
            ? (shelter.Available == 0 ? ShelterStatus.Full : ShelterStatus.Open)
            : before;
        var name = target.ToString().ToLowerInvariant();
        services.Changes.SetStatus(shelter, target, services.Actor, $"inspection passed: back to {name}, its status before the failed inspection");
        logger.StatusRestored(shelter.Id, name);
    }
}
