using System.Security.Claims;
using EmergencyOps.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Shelters.API.Model;

namespace Shelters.API.Apis;

/// <summary>
/// Which districts a caller may see and act on: the one place the shelter handlers ask. A caller whose token carries
/// <see cref="IdentityClaims.District"/> (a district or street operator) sees lists, exports and availability of that
/// district only and is refused any single shelter elsewhere; a caller without the claim (the operations centre,
/// administrators, regulators) acts for the whole city. The public nearest-shelter query is nobody's and asks none.
/// </summary>
public sealed class DistrictScope(ClaimsPrincipal user)
{
    // A list, not an array: EF translates Enumerable.Contains, which an array's span overloads would shadow.
    private readonly List<string> _districts = [.. user.FindAll(IdentityClaims.District).Select(c => c.Value.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>True for a caller bound to no district: it acts for the whole city.</summary>
    public bool IsCityWide => _districts.Count == 0;

    /// <summary>True when the caller may see and act on records of this district (GB/T 2260 code).</summary>
    public bool Covers(string districtCode) => IsCityWide || _districts.Contains(districtCode, StringComparer.Ordinal);

    /// <summary>Narrows a shelter query to the caller's districts (unchanged for a city-wide caller).</summary>
    public IQueryable<Shelter> Filter(IQueryable<Shelter> shelters)
    {
        var own = _districts;
        return IsCityWide ? shelters : shelters.Where(s => own.Contains(s.DistrictCode));
    }

    /// <summary>A 403 (RFC 9457) naming the record the caller asked for and the district it is bound to.</summary>
    public ProblemHttpResult NotYours(string record) =>
        TypedResults.Problem(
            $"The caller acts for district {string.Join(", ", _districts)}, not for {record}: a district operator sees and acts on its own district's shelters only.",
            statusCode: StatusCodes.Status403Forbidden, title: "Not your district",
            extensions: new Dictionary<string, object?> { [IdentityClaims.District] = _districts });

    /// <summary>The refusal for one shelter in another district, naming it.</summary>
    public ProblemHttpResult NotYours(Shelter shelter)
    {
        ArgumentNullException.ThrowIfNull(shelter);
        return NotYours($"shelter '{shelter.Name}' ({shelter.Id}) in district {shelter.DistrictCode}");
    }
}
