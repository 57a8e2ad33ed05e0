using System.Text.Json;

namespace EmergencyOps.ServiceDefaults.Input;

/// <summary>
/// Reads an enum from text by name only: a member's name in PascalCase, camelCase or kebab-case, case-insensitive.
/// Never a number ("42" would otherwise parse to an undefined member), never a comma list, never padded.
/// </summary>
public static class EnumNames
{
    public static bool TryParse<TEnum>(string? value, out TEnum result) where TEnum : struct, Enum
    {
        result = default;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }
        foreach (var name in Enum.GetNames<TEnum>())
        {
            if (Spellings(name).Any(s => string.Equals(s, value, StringComparison.OrdinalIgnoreCase)))
            {
                result = Enum.Parse<TEnum>(name);
                return true;
            }
        }
        return false;
    }

    /// <summary>The names as the APIs write them (camelCase), e.g. for a problem's message.</summary>
    public static string List<TEnum>() where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetNames<TEnum>().Select(JsonNamingPolicy.CamelCase.ConvertName));

    private static IEnumerable<string> Spellings(string name)
    {
        yield return name;
        yield return JsonNamingPolicy.KebabCaseLower.ConvertName(name);
    }
}
