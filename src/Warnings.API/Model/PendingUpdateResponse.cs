using EmergencyOps.Contracts.Warnings;

namespace Warnings.API.Model;

/// <summary>
/// An escalation awaiting sign-off: its level, who proposed it, when and on which version, and the version it
/// publishes if it is signed off now (no identifier or sent time yet, signedOffBy null).
/// </summary>
public sealed record PendingUpdateResponse(WarningLevel Level, string ProposedBy, DateTimeOffset ProposedAt, int ProposedOnVersion, VersionResponse Version)
{
    public static PendingUpdateResponse From(Warning w, PendingUpdate p, IReadOnlyList<WarningVersion> versions) => new(
        p.Level, p.ProposedBy, WarningPublisher.Local(p.ProposedAt), p.ProposedOnVersion, VersionResponse.From(p.NextVersion(w), versions));
}
