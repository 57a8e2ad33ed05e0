using EmergencyOps.Contracts.Hazards;

namespace Warnings.API.Model;

/// <summary>
/// A major hazard source as answered: the stored row, with its time in China Standard Time like every other time
/// the service answers with. The row itself must not be answered: its DateTime comes back from SQLite without a kind.
/// </summary>
public sealed record HazardSiteResponse(
    Guid UnitId, Guid EnterpriseId, string Name, string DistrictCode, double Latitude, double Longitude, MajorHazardLevel Level, decimal R,
    DateTimeOffset UpdatedAt)
{
    public static HazardSiteResponse From(HazardSite s) =>
        new(s.UnitId, s.EnterpriseId, s.Name, s.DistrictCode, s.Latitude, s.Longitude, s.Level, s.R, WarningPublisher.Local(s.UpdatedAt));
}
