using System.Text.RegularExpressions;

namespace Hazards.API.Model;

/// <summary>GHS (GB 30000 series) vocabulary and the label rules shared by the catalogue and product labels.</summary>
public static partial class Ghs
{
    public const string Danger = "危险";
    public const string Warning = "警告";

    /// <summary>The 28 hazard classes: 16 physical, 10 health, 2 environmental.</summary>
    public static IReadOnlyList<string> Classes { get; } =
    [
        "explosives", "flammable-gases", "aerosols", "oxidizing-gases", "gases-under-pressure", "flammable-liquids",
        "flammable-solids", "self-reactive", "pyrophoric-liquids", "pyrophoric-solids", "self-heating", "water-reactive",
        "oxidizing-liquids", "oxidizing-solids", "organic-peroxides", "corrosive-to-metals",
        "acute-toxicity", "skin-corrosion-irritation", "serious-eye-damage-irritation", "sensitisation", "germ-cell-mutagenicity",
        "carcinogenicity", "reproductive-toxicity", "stot-single", "stot-repeated", "aspiration",
        "aquatic", "ozone-layer",
    ];

    public static IReadOnlyList<string> PictogramCodes { get; } = ["GHS01", "GHS02", "GHS03", "GHS04", "GHS05", "GHS06", "GHS07", "GHS08", "GHS09"];

    // Reasons for the exclamation mark other than skin or eye irritation: acute toxicity 4, skin
    // sensitisation, respiratory irritation, narcotic effects, ozone layer.
    private static readonly string[] OtherExclamationReasons = ["H302", "H312", "H332", "H317", "H335", "H336", "H420"];

    /// <summary>Adds an error per broken rule to <paramref name="errors"/>, named by the JSON field.</summary>
    public static void Validate(IReadOnlyList<string>? pictograms, string? signalWord, IReadOnlyList<string>? hazardStatements, Dictionary<string, string[]> errors,
        string pictogramsField = "pictograms", string signalWordField = "signalWord", string statementsField = "hazardStatements")
    {
        var shown = pictograms ?? [];
        var statements = hazardStatements ?? [];
        var unknown = shown.Except(PictogramCodes).ToList();
        if (unknown.Count > 0)
        {
            errors[pictogramsField] = [$"Unknown pictograms: {string.Join(", ", unknown)} (GHS01 … GHS09)."];
        }
        else if (shown.Distinct().Count() != shown.Count)
        {
            errors[pictogramsField] = ["A pictogram is listed twice."];
        }
        else if (shown.Contains("GHS06") && shown.Contains("GHS07"))
        {
            errors[pictogramsField] = ["GHS07 (exclamation mark) is not shown when GHS06 (skull and crossbones) is."];
        }
        else if (shown.Contains("GHS05") && shown.Contains("GHS07") && !statements.Any(h => OtherExclamationReasons.Any(r => h.Contains(r, StringComparison.Ordinal))))
        {
            errors[pictogramsField] = ["GHS07 is not shown for skin or eye irritation when GHS05 (corrosion) is; keep it only for another hazard (e.g. H302, H317, H335)."];
        }
        if (signalWord is not (Danger or Warning))
        {
            errors[signalWordField] = [$"Exactly one signal word: '{Danger}' (danger) or '{Warning}' (warning)."];
        }
        var malformed = statements.Where(h => !h.Split('+').All(part => Statement().IsMatch(part))).ToList();
        if (malformed.Count > 0 || statements.Count == 0)
        {
            errors[statementsField] = [malformed.Count > 0
                ? $"Hazard statements are H2xx (physical), H3xx (health) or H4xx (environmental): {string.Join(", ", malformed)}."
                : "At least one hazard statement (H2xx, H3xx, H4xx)."];
        }
    }

    /// <summary>"class:category" with one of the 28 classes and a category such as 1, 1B, 1.1 or liquefied.</summary>
    public static bool IsClassification(string value) =>
        value.Split(':') is [var name, var category] && Classes.Contains(name) && Category().IsMatch(category);

    [GeneratedRegex(@"^[0-9A-Za-z][0-9A-Za-z.\-]{0,19}$")]
    private static partial Regex Category();

    [GeneratedRegex(@"^H[234]\d{2}[FfDd]{0,2}$")]
    private static partial Regex Statement();
}
