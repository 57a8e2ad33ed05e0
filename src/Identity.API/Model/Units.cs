using EmergencyOps.ServiceDefaults.Input;

namespace Identity.API.Model;

/// <summary>Whether a role's holders answer for a responsible unit (责任单位) in the warnings' closed loop.</summary>
public enum UnitRule
{
    /// <summary>Takes no unit: the role does not respond to warnings, or (the duty officer) responds for any unit.</summary>
    None,

    /// <summary>May carry one unit, beside its own binding (a district operator speaking for the district's bureau).</summary>
    Optional,

    /// <summary>Must carry one: the holder exists to answer for that unit (a unit's dispatch system).</summary>
    Required,
}

/// <summary>
/// The responsible unit a person or client answers for, named as warnings list it (e.g. 上海燃气有限公司): the warnings
/// service lets a <c>unit</c> claim acknowledge and report only for that exact name, so it is kept trimmed.
/// </summary>
public static class Units
{
    /// <summary>Null when <paramref name="unit"/> suits <paramref name="role"/>, else why not.</summary>
    public static string? Check(Role role, string? unit)
    {
        ArgumentNullException.ThrowIfNull(role);
        var takesUnit = role.Unit is not UnitRule.None && role.Scopes.Contains(Roles.RespondScope);
        if (unit is null)
        {
            return takesUnit && role.Unit is UnitRule.Required ? Missing(role) : null;
        }
        if (!takesUnit)
        {
            return role.Scopes.Contains(Roles.RespondScope)
                ? $"The role '{role.Name}' acknowledges and reports for any responsible unit, on its behalf, and takes no unit."
                : $"The role '{role.Name}' does not acknowledge or report on warnings and takes no unit.";
        }
        return TextRules.FirstForbidden(unit, allowLineBreaks: false) is { } at ? $"Contains {TextRules.Describe(unit, at)}, which is not allowed here."
            : TextRules.IsBlank(unit) ? role.Unit is UnitRule.Required ? Missing(role) : "Must not be empty or only spaces or invisible characters."
            : unit.Trim().Length > IdentityLimits.Unit ? $"A responsible unit's name is at most {IdentityLimits.Unit} characters."
            : null;
    }

    /// <summary>The unit as stored and put in tokens; call only once <see cref="Check"/> passed.</summary>
    public static string? Normalize(string? unit) => unit?.Trim();

    private static string Missing(Role role) =>
        $"The role '{role.Name}' must name the responsible unit it answers for, as warnings list it (e.g. 上海燃气有限公司).";
}
