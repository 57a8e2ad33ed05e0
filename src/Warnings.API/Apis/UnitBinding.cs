using System.Security.Claims;
using EmergencyOps.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Warnings.API.Extensions;

namespace Warnings.API.Apis;

/// <summary>
/// Whom a caller may acknowledge and report disposition for: the responsible unit its token names (<c>unit</c>), or, for
/// the operations centre (a caller that may issue warnings), any unit on its behalf, which is recorded as such. Anyone
/// else speaks for no unit: the closed loop must show who really answered.
/// </summary>
public sealed class UnitBinding
{
    private UnitBinding(string? unit, bool onBehalf) => (Unit, OnBehalf) = (unit, onBehalf);

    /// <summary>The unit the caller is bound to, if any.</summary>
    public string? Unit { get; }

    /// <summary>The caller is the operations centre acting for the unit, not the unit itself.</summary>
    public bool OnBehalf { get; }

    public const string NotYourUnit = "Not your unit";

    public static UnitBinding Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst(IdentityClaims.Unit)?.Value.Trim() is { Length: > 0 } unit
            ? new UnitBinding(unit, onBehalf: false)
            : new UnitBinding(null, onBehalf: user.HasScope(WarningsPolicies.Issue));
    }

    /// <summary>403 when the caller may not answer for <paramref name="unit"/>; null when it may.</summary>
    public ProblemHttpResult? Refuses(string unit)
    {
        if (OnBehalf || string.Equals(Unit, unit, StringComparison.Ordinal))
        {
            return null;
        }
        var detail = Unit is null
            ? $"The caller speaks for no responsible unit, so it cannot answer for '{unit}': an account bound to the unit (or the operations centre, on its behalf) answers."
            : $"The caller speaks for '{Unit}', not '{unit}': a unit acknowledges and reports for itself only.";
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: NotYourUnit,
            extensions: new Dictionary<string, object?> { ["unit"] = Unit, ["requestedUnit"] = unit });
    }
}
