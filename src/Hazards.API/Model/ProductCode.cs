using System.Globalization;
using System.Text.RegularExpressions;

namespace Hazards.API.Model;

/// <summary>
/// The 一企一品一码 product code: <c>DDDDDD-EEEE-NNNNNN-C</c> — the enterprise's district (GB/T 2260),
/// its short code (3–6 letters or digits), a serial per enterprise and a check character.
/// The check is ISO 7064 MOD 37-2 over the code without dashes: unlike the hybrid MOD 37,36 it
/// catches every single substitution AND every adjacent transposition (37 is prime and the weights
/// 2^i never repeat within 36 positions), so a mistyped code is refused before any lookup.
/// Codes whose check would be '*' are never issued, so codes stay letters, digits and dashes.
/// </summary>
public static partial class ProductCode
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*";

    public static string Compose(string districtCode, string shortCode, int serial)
    {
        var body = $"{districtCode}-{shortCode}-{serial.ToString("D6", CultureInfo.InvariantCulture)}";
        return $"{body}-{Check(body.Replace("-", "", StringComparison.Ordinal))}";
    }

    /// <summary>True when the code could be issued: '*' checks are skipped by the issuer.</summary>
    public static bool IsIssuable(string code) => !code.EndsWith('*');

    public static bool IsWellFormed(string? code) => code is not null && Format().IsMatch(code);

    public static bool IsValid(string? code)
    {
        if (!IsWellFormed(code))
        {
            return false;
        }
        var body = code![..^2].Replace("-", "", StringComparison.Ordinal);
        return Check(body) == code[^1];
    }

    public static string Explain(string? code) => IsWellFormed(code)
        ? $"'{code}' fails its check character: the code is mistyped."
        : $"'{code}' is not a product code (district-short-serial-check, e.g. 310116-JSHG-000001-5).";

    /// <summary>ISO 7064 MOD 37-2 check character.</summary>
    public static char Check(string body)
    {
        var sum = 0;
        foreach (var c in body)
        {
            sum = (sum + Alphabet.IndexOf(c, StringComparison.Ordinal)) * 2 % 37;
        }
        return Alphabet[(38 - sum) % 37];
    }

    [GeneratedRegex(@"^\d{6}-[A-Z0-9]{3,6}-\d{6}-[0-9A-Z*]$")]
    private static partial Regex Format();
}
