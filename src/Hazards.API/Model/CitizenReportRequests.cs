using System.Text.RegularExpressions;
using EmergencyOps.ServiceDefaults.Input;
using static Hazards.API.Model.HazardLimits;

namespace Hazards.API.Model;

/// <summary>
/// A citizen's report of a hidden danger by the enterprise code, without an account (一码发现): what was seen, where, an
/// optional contact and up to three photos (base64 JPEG or PNG, a data URL accepted, each at most 1 MB decoded). Citing
/// criteria of 安监总管三〔2017〕121号 makes it 重大, as for anyone.
/// </summary>
public sealed record CitizenReportRequest(
    [property: FreeText(DangerTextLength)] string? Description,
    [property: Text(AddressLength)] string? Location,
    [property: Text(PersonNameLength)] string? ContactName,
    [property: Text(PhoneLength)] string? ContactPhone,
    [property: CriterionNumbers] IReadOnlyList<int>? Criteria,
    [property: TextList(CitizenPhotos.Max, CitizenPhotos.MaxTextLength)] IReadOnlyList<string>? Photos);

/// <summary>The answer to a citizen's report: the receipt code to follow it by, and where. Never the danger's id.</summary>
public sealed record CitizenReportReceipt(string Receipt, string ReceiptUrl, HiddenDangerState State);

/// <summary>Photos sent as base64: checked by their first bytes (PNG or JPEG), never by what the sender says they are.</summary>
public static partial class CitizenPhotos
{
    public const int Max = 3;
    public const int MaxBytes = 1_048_576;
    public const int MaxTextLength = (MaxBytes + 2) / 3 * 4 + 32; // base64 of 1 MB and a data-URL prefix

    public static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    public static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];

    /// <summary>The decoded photo and its content type, or the reason it is refused.</summary>
    public static (byte[]? Data, string? ContentType, string? Error) Decode(string text)
    {
        var match = DataUrl().Match(text);
        var base64 = match.Success ? text[match.Length..] : text;
        var buffer = new byte[base64.Length / 4 * 3 + 3];
        if (!Convert.TryFromBase64String(base64, buffer, out var length))
        {
            return (null, null, "Not base64: send the photo's bytes as base64 (a data URL such as data:image/jpeg;base64,… is accepted).");
        }
        if (length > MaxBytes)
        {
            return (null, null, $"At most {MaxBytes} bytes decoded ({length} given).");
        }
        var data = buffer[..length];
        var type = data.AsSpan().StartsWith(PngMagic) ? "image/png" : data.AsSpan().StartsWith(JpegMagic) ? "image/jpeg" : null;
        return type is null ? (null, null, "Not a JPEG or PNG image.") : (data, type, null);
    }

    [GeneratedRegex("^data:image/(png|jpeg|jpg);base64,", RegexOptions.IgnoreCase)]
    private static partial Regex DataUrl();
}

/// <summary>Field-by-field checks of a citizen's report; every message names the field (camelCase, as in the JSON).</summary>
public static partial class CitizenReportValidation
{
    public static Dictionary<string, string[]> Validate(CitizenReportRequest r, IReadOnlySet<int> known, List<(byte[] Data, string ContentType)> photos)
    {
        var errors = HiddenDangerValidation.Report(new ReportHiddenDangerRequest("-", r.Description, r.Location, null, r.Criteria), known);
        if (r.ContactPhone is not null && !Phone().IsMatch(r.ContactPhone.Trim()))
        {
            errors["contactPhone"] = ["A phone number: digits, with an optional leading + and spaces, dashes or brackets (13812345678, 021-57940000)."];
        }
        if (r.ContactName is not null && string.IsNullOrWhiteSpace(r.ContactName)) errors["contactName"] = ["Leave the name out, or give one."];
        if (r.Photos is { Count: > CitizenPhotos.Max }) errors["photos"] = [$"At most {CitizenPhotos.Max} photos."];
        for (var i = 0; i < Math.Min(r.Photos?.Count ?? 0, CitizenPhotos.Max); i++)
        {
            var (data, type, error) = CitizenPhotos.Decode(r.Photos![i] ?? "");
            if (error is not null) errors[$"photos[{i}]"] = [error];
            else photos.Add((data!, type!));
        }
        return errors;
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-]{4,30}[0-9]$")]
    private static partial Regex Phone();
}
