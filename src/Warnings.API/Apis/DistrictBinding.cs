using System.Security.Claims;
using EmergencyOps.Geography;
using EmergencyOps.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Warnings.API.Model;

namespace Warnings.API.Apis;

/// <summary>
/// The districts a caller acts for, from its token's <c>district</c> claim (GB/T 2260): a district operator (区/街镇) sees and
/// acts on the warnings whose area names its district, and nothing else. A caller without the claim (the operations centre,
/// regulators, integrators, responders) acts for the whole city. A claim naming no district binds the caller to nothing.
/// </summary>
public sealed class DistrictBinding
{
    private readonly List<string> _districts;

    private DistrictBinding(bool bound, List<string> districts) => (Bound, _districts) = (bound, districts);

    public static DistrictBinding Unbound { get; } = new(false, []);

    public bool Bound { get; }

    public IReadOnlyList<string> DistrictCodes => _districts;

    public static DistrictBinding Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = user.FindAll(IdentityClaims.District).ToList();
        return claims.Count == 0
            ? Unbound
            : new DistrictBinding(true, [.. claims.Select(c => c.Value.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>Whether the warning's area names one of the caller's districts (its current version's districts).</summary>
    public bool Covers(IEnumerable<string> districtCodes) => !Bound || districtCodes.Any(_districts.Contains);

    /// <summary>
    /// 403 for a warning outside the caller's districts. A 403 rather than a 404: warnings are announced to the public, so
    /// hiding that one exists protects nothing, and an operator told "not your district" knows to ask the operations centre.
    /// </summary>
    public ProblemHttpResult? Refuses(Warning warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return Covers(warning.DistrictCodes) ? null : TypedResults.Problem(
            $"The caller acts for {Names(_districts)}; warning {warning.Id} covers {Names(warning.DistrictCodes)}: a district sees and acts on its own warnings only.",
            statusCode: StatusCodes.Status403Forbidden, title: NotYourDistrict,
            extensions: new Dictionary<string, object?> { ["districts"] = _districts, ["warningDistricts"] = warning.DistrictCodes });
    }

    public const string NotYourDistrict = "Not your district";

    /// <summary>
    /// A list's or feed's district filter narrowed to the caller's districts: all of them when it asked for none, the overlap
    /// otherwise. Null when the overlap is empty (it asked only for districts not its own): the caller answers 403.
    /// </summary>
    public IReadOnlySet<string>? Narrow(IReadOnlySet<string> requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        if (!Bound)
        {
            return requested;
        }
        if (requested.Count == 0)
        {
            // No district at all (an empty claim) must still filter: an impossible code matches nothing.
            return _districts.Count > 0 ? _districts.ToHashSet(StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal) { "" };
        }
        var overlap = requested.Where(_districts.Contains).ToHashSet(StringComparer.Ordinal);
        return overlap.Count > 0 ? overlap : null;
    }

    public ProblemHttpResult OtherDistricts(IEnumerable<string> requested) => TypedResults.Problem(
        $"The caller acts for {Names(_districts)}, not {Names(requested)}: a district lists its own warnings only.",
        statusCode: StatusCodes.Status403Forbidden, title: NotYourDistrict, extensions: new Dictionary<string, object?> { ["districts"] = _districts });

    private static string Names(IEnumerable<string> codes)
    {
        var list = codes.ToList();
        return list.Count == 0 ? "no district" : string.Join(", ", list.Select(c => Districts.Find(c) is { } d ? $"{c} ({d.Name})" : c));
    }
}
