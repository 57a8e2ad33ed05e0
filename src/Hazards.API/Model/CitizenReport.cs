using System.Security.Cryptography;
using System.Text;

namespace Hazards.API.Model;

/// <summary>
/// What a citizen's report (群众举报, 一码发现) keeps beside its hidden danger: the receipt (only its SHA-256: the citizen holds
/// the code itself) and the optional contact, which only regulators read. A table of its own, so databases of earlier builds
/// gain it at start.
/// </summary>
public class CitizenReport
{
    public Guid DangerId { get; set; }

    /// <summary>SHA-256 of the receipt code, hex; unique.</summary>
    public required string ReceiptHash { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public int Photos { get; set; }
}

/// <summary>A photo of a citizen's report, served only to regulators and the enterprise.</summary>
public class HiddenDangerPhoto
{
    public Guid DangerId { get; set; }

    /// <summary>1, 2 or 3, in the order sent.</summary>
    public int Number { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Data { get; set; }
}

/// <summary>Receipt codes: 12 characters of Crockford base32 (60 random bits), stored hashed.</summary>
public static class Receipts
{
    private const string Base32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public const int Length = 12;

    public static string New()
    {
        Span<char> code = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            code[i] = Base32[RandomNumberGenerator.GetInt32(Base32.Length)];
        }
        return new string(code);
    }

    /// <summary>Upper-cased, without spaces or dashes; null when it cannot be a receipt.</summary>
    public static string? Normalize(string? receipt)
    {
        var text = receipt?.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return text is { Length: Length } && text.All(c => Base32.Contains(c, StringComparison.Ordinal)) ? text : null;
    }

    public static string Hash(string receipt) => Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(receipt)));
}
