using System.Text.Json;
using System.Text.RegularExpressions;

namespace EmergencyOps.Testing.BadInput;

/// <summary>
/// Values the type allows but the domain does not, chosen by the field's name (districts, CAP polygons and circles) or by
/// the valid value it replaces (a CAS number, a unified social credit code or a product code loses its check).
/// Each is wrong in every reading: a check character changed from a valid one can never be valid.
/// </summary>
public static partial class BadDomainValues
{
    /// <summary>Text values (unescaped) for a field or parameter of this name currently holding <paramref name="valid"/>.</summary>
    public static IEnumerable<(string Label, string Value)> For(string name, string? valid)
    {
        var lower = name.ToLowerInvariant();
        if (lower.Contains("district", StringComparison.Ordinal))
        {
            yield return ("an unknown district", "999999");
            yield return ("a five-digit district", "31011");
            yield return ("a letter O in a district", "31O115");
        }
        if (lower.Contains("polygon", StringComparison.Ordinal))
        {
            yield return ("a polygon of words", "not a polygon");
            yield return ("a polygon of two points", "31.2,121.4 31.3,121.5");
            yield return ("an open polygon", "31.2,121.4 31.3,121.5 31.2,121.6 31.25,121.45");
            yield return ("a polygon at latitude 91", "91,121.4 31.3,121.5 31.2,121.6 91,121.4");
            yield return ("a polygon at longitude 181", "31.2,181 31.3,121.5 31.2,121.6 31.2,181");
            yield return ("a polygon of NaN", "NaN,NaN NaN,NaN NaN,NaN NaN,NaN");
            yield return ("a polygon with a missing longitude", "31.2 31.3,121.5 31.2,121.6 31.2");
        }
        if (lower.Contains("circle", StringComparison.Ordinal))
        {
            yield return ("a circle without a radius", "31.2,121.4");
            yield return ("a circle of negative radius", "31.2,121.4 -5");
            yield return ("a circle at latitude 91", "91,121.4 5");
            yield return ("a circle at longitude 181", "31.2,181 5");
            yield return ("a circle of words", "a,b c");
            yield return ("a circle of infinite radius", "31.2,121.4 1e309");
            yield return ("a circle of NaN radius", "31.2,121.4 NaN");
            yield return ("a circle at NaN", "NaN,NaN 5");
        }
        if (valid is null)
        {
            yield break;
        }
        if (Cas().IsMatch(valid))
        {
            yield return ("a CAS number with a wrong check digit", valid[..^1] + (valid[^1] == '9' ? '0' : (char)(valid[^1] + 1)));
            yield return ("a CAS number without dashes", valid.Replace("-", "", StringComparison.Ordinal));
            yield return ("a CAS number in full-width digits", string.Concat(valid.Select(c => char.IsAsciiDigit(c) ? (char)(c - '0' + '０') : c)));
        }
        if (CreditCode().IsMatch(valid))
        {
            yield return ("a credit code with a wrong check character", valid[..^1] + (valid[^1] == 'Y' ? 'X' : 'Y'));
            yield return ("a credit code of 17 characters", valid[..^1]);
            yield return ("a credit code with a letter I", "I" + valid[1..]);
        }
        if (ProductCode().IsMatch(valid) || EnterpriseCode().IsMatch(valid))
        {
            yield return ("a code with a wrong check character", valid[..^1] + (valid[^1] == 'A' ? 'B' : 'A'));
            yield return ("a code without its check character", valid[..^2]);
            yield return ("a code with its check character doubled", valid + valid[^1]);
        }
    }

    /// <summary>The same as raw JSON strings, for a body.</summary>
    public static IEnumerable<(string Label, string Raw)> ForBody(string name, string? valid) =>
        For(name, valid).Select(v => (v.Label, JsonSerializer.Serialize(v.Value)));

    [GeneratedRegex(@"^[1-9]\d{1,6}-\d{2}-\d$")]
    private static partial Regex Cas();

    [GeneratedRegex("^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")]
    private static partial Regex CreditCode();

    [GeneratedRegex(@"^\d{6}-[A-Z0-9]{3,6}-\d{6}-[0-9A-Z]$")]
    private static partial Regex ProductCode();

    [GeneratedRegex("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}-[0-9A-Z]$")]
    private static partial Regex EnterpriseCode();
}
