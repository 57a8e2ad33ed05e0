using EmergencyOps.ServiceDefaults.Input;

namespace Inventory.API.Apis;

internal static class Required
{
    /// <summary>Absent, or only spaces or invisible characters (a zero-width space is not a name).</summary>
    public static bool IsMissing(string? text) => text is null || TextRules.IsBlank(text);
}
