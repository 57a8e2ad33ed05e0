using EmergencyOps.Geography;
using EmergencyOps.ServiceDefaults;

namespace Identity.API.Model;

/// <summary>A role as given to one person or client, with the binding and the responsible unit it carries, checked.</summary>
public sealed record Assignment(Role Role, string? Binding, string? Unit);

/// <summary>What a binding must look like for the role that carries it, so a token never names a record that cannot exist.</summary>
public static class Bindings
{
    /// <summary>
    /// The role named, when it is one for people (or for machine clients) and <paramref name="binding"/> and
    /// <paramref name="unit"/> suit it; else null, with each refusal added to <paramref name="errors"/> under
    /// <c>role</c>, <c>binding</c> or <c>unit</c>. The administrators' API and the configured seeds both ask here.
    /// </summary>
    public static Assignment? Choose(string? roleName, bool forPeople, string? binding, string? unit, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Roles.Find(roleName) is not { } role || role.ForPeople != forPeople)
        {
            errors["role"] = [$"One of: {string.Join(", ", Roles.All.Where(r => r.ForPeople == forPeople).Select(r => r.Name))}."];
            return null;
        }
        // Both refusals are told at once, so a registration is put right in one go.
        var bindingProblem = Check(role, binding);
        var unitProblem = Units.Check(role, unit);
        if (bindingProblem is not null)
        {
            errors["binding"] = [bindingProblem];
        }
        if (unitProblem is not null)
        {
            errors["unit"] = [unitProblem];
        }
        return bindingProblem is null && unitProblem is null ? new Assignment(role, binding, Units.Normalize(unit)) : null;
    }

    /// <summary>Null when <paramref name="binding"/> suits <paramref name="role"/>, else why not.</summary>
    public static string? Check(Role role, string? binding) => role.Binding switch
    {
        null when binding is not null => $"The role '{role.Name}' acts for the whole city and takes no binding.",
        null => null,
        _ when string.IsNullOrWhiteSpace(binding) => $"The role '{role.Name}' must be bound to a {Describe(role.Binding)}.",
        IdentityClaims.District when !Districts.IsKnown(binding) => $"'{binding}' is not a Shanghai district code (GB/T 2260, e.g. 310115).",
        IdentityClaims.WarehouseId or IdentityClaims.EnterpriseId when !IsRecordKey(binding!) =>
            $"'{binding}' is not a {Describe(role.Binding)}: letters, digits and hyphens, at most {IdentityLimits.Binding}.",
        _ => null,
    };

    private static string Describe(string claim) => claim switch
    {
        IdentityClaims.District => "district code",
        IdentityClaims.WarehouseId => "warehouse (its code, e.g. PD-R-N, or its id)",
        _ => "enterprise (its unified social credit code, GB 32100, or its id)",
    };

    private static bool IsRecordKey(string value) =>
        value.Length <= IdentityLimits.Binding && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
