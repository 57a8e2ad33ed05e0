using System.Text.RegularExpressions;
using EmergencyOps.ServiceDefaults.Input;
using static Hazards.API.Model.HazardLimits;

namespace Hazards.API.Model;

public sealed record SdsSectionRequest(
    [property: Bounded(1, SdsSectionCount)] int? Number,
    [property: FreeText(SdsSectionLength)] string? Content);

public sealed record SdsRequest([property: Items(SdsSectionCount)] IReadOnlyList<SdsSectionRequest>? Sections);

public sealed record LabelRequest(
    [property: Text(NameLength)] string? NameZh,
    [property: Text(NameLength)] string? NameEn,
    [property: OneOf("GHS01", "GHS02", "GHS03", "GHS04", "GHS05", "GHS06", "GHS07", "GHS08", "GHS09"), Items(MaxPictograms)] IReadOnlyList<string>? Pictograms,
    [property: OneOf(Ghs.Danger, Ghs.Warning)] string? SignalWord,
    [property: TextList(MaxStatements, StatementLength)] IReadOnlyList<string>? HazardStatements,
    [property: TextList(MaxStatements, StatementLength)] IReadOnlyList<string>? PrecautionaryStatements,
    [property: Text(SupplierLength)] string? Supplier,
    [property: Text(PhoneLength)] string? EmergencyPhone);

public sealed record RegisterProductRequest(
    [property: Text(CasLength)] string? Cas,
    [property: Text(NameLength)] string? TradeName,
    [property: Text(ConcentrationLength)] string? Concentration,
    [property: Text(PackagingLength)] string? Packaging,
    SdsRequest? Sds,
    LabelRequest? Label);

/// <summary>A coded product: <c>resolveUrl</c> answers everything (with a token); <c>publicUrl</c>, what the QR image encodes, anyone.</summary>
public sealed record ProductResponse(Guid Id, string Code, string? ParentCode, Guid EnterpriseId, string Cas, string TradeName,
    string Concentration, string Packaging, DateTime IssuedAt, string ResolveUrl, string PublicUrl)
{
    public static ProductResponse From(Product p, string resolveUrl, string publicUrl) =>
        new(p.Id, p.Code, p.ParentCode, p.EnterpriseId, p.Cas, p.TradeName, p.Concentration, p.Packaging, p.IssuedAt, resolveUrl, publicUrl);
}

public sealed record SdsSectionResponse(int Number, string Title, string Content);

public sealed record SdsResponse(int Revision, DateTime RevisedAt, string RevisedBy, IReadOnlyList<SdsSectionResponse> Sections)
{
    public static SdsResponse From(SdsRevision r) => new(r.Revision, r.RevisedAt, r.RevisedBy,
        [.. r.Sections.Select((content, i) => new SdsSectionResponse(i + 1, SdsSections.Titles[i], content))]);
}

public sealed record LabelResponse(int Revision, DateTime RevisedAt, string RevisedBy, string NameZh, string NameEn, IReadOnlyList<string> Pictograms,
    string SignalWord, IReadOnlyList<string> HazardStatements, IReadOnlyList<string> PrecautionaryStatements, string Supplier, string EmergencyPhone, string SdsPrompt)
{
    /// <summary>GB 15258 requires the label to send the reader to the SDS.</summary>
    public const string Prompt = "详见化学品安全技术说明书 (see the safety data sheet)";

    public static LabelResponse From(LabelRevision r) => new(r.Revision, r.RevisedAt, r.RevisedBy, r.NameZh, r.NameEn, r.Pictograms, r.SignalWord,
        r.HazardStatements, r.PrecautionaryStatements, r.Supplier, r.EmergencyPhone, Prompt);
}

public sealed record TraceSummary(int Scans, string? LastStep, DateTimeOffset? LastScannedAt, Guid? HolderEnterpriseId, string? HolderName,
    Guid? InTransitTo, decimal? Remaining, string? Unit, bool Disposed, int Anomalies);

/// <summary>What a code resolves to: 一企一品一码 with 一书一签.</summary>
public sealed record CodeResolution(string Code, string ResolveUrl, ProductResponse Product, EnterpriseResponse Enterprise, ChemicalResponse Chemical,
    SdsResponse Sds, LabelResponse Label, TraceSummary Trace, IReadOnlyList<string> ChildCodes);

public static partial class ProductValidation
{
    public static void Validate(SdsRequest? sds, Dictionary<string, string[]> errors, string prefix = "sds.")
    {
        var sections = sds?.Sections ?? [];
        var numbers = sections.Select(s => s.Number ?? 0).Order().ToList();
        if (!numbers.SequenceEqual(Enumerable.Range(1, 16)))
        {
            errors[prefix + "sections"] = ["An SDS has the 16 sections of GB/T 16483, numbered 1 to 16, each once."];
        }
        else if (sections.Any(s => s.Content is null || TextRules.IsBlank(s.Content)))
        {
            errors[prefix + "sections"] = [$"Every section has content; empty: {string.Join(", ", sections.Where(s => s.Content is null || TextRules.IsBlank(s.Content)).Select(s => s.Number))}."];
        }
    }

    public static void Validate(LabelRequest? label, Dictionary<string, string[]> errors, string prefix = "label.")
    {
        if (label is null)
        {
            errors[prefix.TrimEnd('.')] = ["A label (GB 15258) is required."];
            return;
        }
        if (string.IsNullOrWhiteSpace(label.NameZh)) errors[prefix + "nameZh"] = ["The Chinese product name is required."];
        if (string.IsNullOrWhiteSpace(label.NameEn)) errors[prefix + "nameEn"] = ["The English product name is required."];
        Ghs.Validate(label.Pictograms, label.SignalWord, label.HazardStatements, errors, prefix + "pictograms", prefix + "signalWord", prefix + "hazardStatements");
        var precautionary = label.PrecautionaryStatements ?? [];
        if (precautionary.Count == 0 || !precautionary.All(p => p.Split('+').All(part => Precautionary().IsMatch(part))))
        {
            errors[prefix + "precautionaryStatements"] = ["Precautionary statements P1xx–P5xx (combined with '+'), at least one."];
        }
        if (string.IsNullOrWhiteSpace(label.Supplier)) errors[prefix + "supplier"] = ["The supplier (name, address, phone) is required."];
        if (label.EmergencyPhone is null || !Phone().IsMatch(label.EmergencyPhone)) errors[prefix + "emergencyPhone"] = ["A 24-hour emergency phone number (digits, spaces, dashes, optional +)."];
    }

    public static SdsRevision ToSds(Guid productId, int revision, SdsRequest sds, DateTime now, string actor) => new()
    {
        ProductId = productId, Revision = revision, RevisedAt = now, RevisedBy = actor,
        Sections = [.. sds.Sections!.OrderBy(s => s.Number).Select(s => s.Content!.Trim())],
    };

    public static LabelRevision ToLabel(Guid productId, int revision, LabelRequest l, DateTime now, string actor) => new()
    {
        ProductId = productId, Revision = revision, RevisedAt = now, RevisedBy = actor, NameZh = l.NameZh!.Trim(), NameEn = l.NameEn!.Trim(),
        Pictograms = [.. l.Pictograms ?? []], SignalWord = l.SignalWord!, HazardStatements = [.. l.HazardStatements!],
        PrecautionaryStatements = [.. l.PrecautionaryStatements!], Supplier = l.Supplier!.Trim(), EmergencyPhone = l.EmergencyPhone!.Trim(),
    };

    [GeneratedRegex(@"^P[1-5]\d{2}$")]
    private static partial Regex Precautionary();

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{5,19}$")]
    private static partial Regex Phone();
}
