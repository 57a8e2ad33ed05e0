namespace Shelters.API.Apis;

internal static partial class InspectionLog
{
    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Shelter {ShelterId} failed its inspection with {Occupants} people inside: out of service for new arrivals, relocation requested ({Alternatives} alternatives with room)")]
    public static partial void RelocationRequested(this ILogger logger, Guid shelterId, int occupants, int alternatives);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shelter {ShelterId} passed its inspection and returns to {Status}, its status before the failed one")]
    public static partial void StatusRestored(this ILogger logger, Guid shelterId, string status);
}
