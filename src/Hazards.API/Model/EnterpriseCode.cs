using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Hazards.API.Model;

/// <summary>
/// The enterprise code (企业码): <c>XXXX-XXXX-XXXX-XXXX-C</c>, 16 base32 characters (80 bits) derived from the enterprise's
/// random registry id by SHA-256, and an ISO 7064 MOD 37-2 check character as on product codes. Deterministic (the same
/// enterprise always gets the same code, so a reprinted plate stays valid), and not enumerable: nothing about the
/// enterprise (district, short code, serial) can be read from it or guessed into it. Derivations whose check would be
/// '*' are skipped, deterministically, by the next round of the hash.
/// </summary>
public static partial class EnterpriseCodes
{
    private const string Base32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford: no I, L, O, U

    public const int Length = 21;

    public static string Derive(Guid enterpriseId)
    {
        for (var round = 0; ; round++)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"emergencyops:enterprise-code:{enterpriseId:N}:{round}"));
            var body = new StringBuilder(16);
            ulong bits = 0;
            var have = 0;
            foreach (var b in hash.AsSpan(0, 10))
            {
                bits = (bits << 8) | b;
                have += 8;
                while (have >= 5)
                {
                    have -= 5;
                    body.Append(Base32[(int)((bits >> have) & 31)]);
                }
            }
            var text = body.ToString();
            var check = ProductCode.Check(text);
            if (check != '*')
            {
                return $"{text[..4]}-{text[4..8]}-{text[8..12]}-{text[12..]}-{check}";
            }
        }
    }

    public static bool IsWellFormed(string? code) => code is not null && Format().IsMatch(code);

    public static bool IsValid(string? code) =>
        IsWellFormed(code) && ProductCode.Check(code![..^2].Replace("-", "", StringComparison.Ordinal)) == code[^1];

    public static string Explain(string? code) => IsWellFormed(code)
        ? $"'{code}' fails its check character: the enterprise code is mistyped."
        : $"'{code}' is not an enterprise code (four groups of four letters or digits and a check character, e.g. 7K3M-Q9TA-XW2D-J8PF-5).";

    [GeneratedRegex("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}-[0-9A-Z]$")]
    private static partial Regex Format();
}

/// <summary>An enterprise's code, kept beside it so the public lookup is one indexed read.</summary>
public class EnterpriseCode
{
    public Guid EnterpriseId { get; set; }

    public required string Code { get; set; }

    public static EnterpriseCode For(Guid enterpriseId) => new() { EnterpriseId = enterpriseId, Code = EnterpriseCodes.Derive(enterpriseId) };
}
