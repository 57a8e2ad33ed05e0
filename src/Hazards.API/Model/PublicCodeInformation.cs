namespace Hazards.API.Model;

/// <summary>
/// What anyone may read of a code without a token (一书一签 as printed on the package): the product's identity, the label
/// and the SDS sections a reader needs in an emergency. Nothing of the trace (holder, quantities, scans), of the enterprise's
/// registration (credit code, contact, site) or of who revised what is here: those stay behind <c>hazards:read</c>.
/// </summary>
public sealed record PublicCodeInformation(string Code, string TradeName, PublicChemical Chemical, PublicLabel Label, PublicSds Sds)
{
    /// <summary>
    /// GB/T 16483 sections a bystander or first responder needs: 2 hazards, 4 first aid, 5 fire fighting, 6 accidental release,
    /// 8 exposure controls and personal protection. Section 1 names the enterprise's site and contacts and stays private.
    /// </summary>
    public static IReadOnlyList<int> PublicSdsSections { get; } = [2, 4, 5, 6, 8];

    public static PublicCodeInformation From(Product product, Chemical chemical, LabelRevision label, SdsRevision sds) => new(
        product.Code, product.TradeName,
        new PublicChemical(chemical.Cas, chemical.UnNumber, chemical.NameZh, chemical.NameEn),
        new PublicLabel(label.Revision, label.NameZh, label.NameEn, label.Pictograms, label.SignalWord, label.HazardStatements,
            label.PrecautionaryStatements, label.Supplier, label.EmergencyPhone, LabelResponse.Prompt),
        new PublicSds(sds.Revision, [.. PublicSdsSections.Where(n => n <= sds.Sections.Count)
            .Select(n => new SdsSectionResponse(n, SdsSections.Titles[n - 1], sds.Sections[n - 1]))]));
}

public sealed record PublicChemical(string Cas, string UnNumber, string NameZh, string NameEn);

/// <summary>The label as GB 15258 prints it: the supplier and the 24-hour emergency phone are on every package by law.</summary>
public sealed record PublicLabel(int Revision, string NameZh, string NameEn, IReadOnlyList<string> Pictograms, string SignalWord,
    IReadOnlyList<string> HazardStatements, IReadOnlyList<string> PrecautionaryStatements, string Supplier, string EmergencyPhone, string SdsPrompt);

public sealed record PublicSds(int Revision, IReadOnlyList<SdsSectionResponse> Sections);
