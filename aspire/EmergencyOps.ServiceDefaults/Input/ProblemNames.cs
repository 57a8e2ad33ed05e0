using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace EmergencyOps.ServiceDefaults.Input;

/// <summary>
/// Field names in validation problems as the JSON spells them: the built-in validation of request types reports
/// C# member paths ("Area.DistrictCodes[0]"), the contract says "area.districtCodes[0]".
/// </summary>
internal static class ProblemNames
{
    public static void CamelCaseErrors(ProblemDetailsContext context)
    {
        if (context.ProblemDetails is not HttpValidationProblemDetails validation || !validation.Errors.Keys.Any(IsMemberPath))
        {
            return;
        }
        var renamed = validation.Errors.ToList();
        validation.Errors.Clear();
        foreach (var (key, messages) in renamed)
        {
            validation.Errors[IsMemberPath(key) ? ToJsonPath(key) : key] = messages;
        }
    }

    private static bool IsMemberPath(string key) => key.Length > 0 && char.IsUpper(key[0]) && !key.Contains('-', StringComparison.Ordinal);

    private static string ToJsonPath(string key) =>
        string.Join('.', key.Split('.').Select(part => JsonNamingPolicy.CamelCase.ConvertName(part)));
}
