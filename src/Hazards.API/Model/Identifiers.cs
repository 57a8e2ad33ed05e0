using System.Text.RegularExpressions;

namespace Hazards.API.Model;

/// <summary>统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character over the first 17.</summary>
public static class CreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>The check character for the first 17 characters, or null when one is outside the alphabet.</summary>
    public static char? CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            return null;
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }
            sum += value * Weights[i];
        }
        return Alphabet[(31 - sum % 31) % 31];
    }

    public static bool IsValid(string? code) =>
        code is { Length: 18 } && CheckCharacter(code.AsSpan(0, 17)) == code[17];

    public static string Explain(string? code) => code is not { Length: 18 }
        ? "A unified social credit code has 18 characters."
        : CheckCharacter(code.AsSpan(0, 17)) is { } check
            ? $"The check character (18th) should be '{check}', not '{code[17]}': the code is mistyped."
            : $"Only the characters {Alphabet} are used (no I, O, S, V, Z).";
}

/// <summary>CAS registry numbers: digits-2 digits-check digit.</summary>
public static partial class CasNumber
{
    public static bool IsWellFormed(string? cas) => cas is not null && Format().IsMatch(cas);

    public static int? CheckDigit(string cas)
    {
        if (!IsWellFormed(cas))
        {
            return null;
        }
        var digits = cas[..^2].Replace("-", "", StringComparison.Ordinal);
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            sum += (digits[^(i + 1)] - '0') * (i + 1);
        }
        return sum % 10;
    }

    public static bool IsValid(string? cas) => IsWellFormed(cas) && CheckDigit(cas!) == cas![^1] - '0';

    public static string Explain(string? cas) => !IsWellFormed(cas)
        ? $"'{cas}' is not a CAS number (2–7 digits, 2 digits, 1 check digit, e.g. 7664-41-7)."
        : $"The check digit of '{cas}' should be {CheckDigit(cas!)}: the number is mistyped.";

    [GeneratedRegex(@"^[1-9]\d{1,6}-\d{2}-\d$")]
    private static partial Regex Format();
}

/// <summary>UN numbers (联合国编号) of the Model Regulations: "UN" and four digits.</summary>
public static partial class UnNumber
{
    public static bool IsValid(string? un) => un is not null && Format().IsMatch(un) && un != "UN0000";

    [GeneratedRegex(@"^UN\d{4}$")]
    private static partial Regex Format();
}
