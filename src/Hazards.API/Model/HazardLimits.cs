namespace Hazards.API.Model;

/// <summary>
/// The registry's input limits, written once: the request types' attributes (and so validation and the OpenAPI
/// document) and the EF configurations (and so the SQL Server column sizes) both read them.
/// </summary>
public static class HazardLimits
{
    // Identifiers, as their standards define them.
    public const int CreditCodeLength = 18;   // GB 32100
    public const int ShortCodeLength = 6;
    public const int DistrictCodeLength = 6;  // GB/T 2260
    public const int CasLength = 12;          // up to 7 digits, 2 digits, check digit, two dashes
    public const int UnNumberLength = 6;      // "UN" and four digits
    public const int ProductCodeLength = 32;  // district-short-serial-check is 22 at most; room for a longer serial
    public const int CategoryCodeLength = 8;  // GB 18218 Table 2: J1 … W11, W5.1
    public const int PictogramLength = 5;     // GHS01 … GHS09
    public const int HazardClassLength = 50;  // "class:category", the longest class is 30 characters
    public const int StatementLength = 30;    // H or P statements, combined with '+' (P303+P361+P353)
    public const int SignalWordLength = 4;    // 危险 or 警告
    public const int EditionLength = 40;      // "GB 18218-2018"
    public const int EnumNameLength = 20;     // step and kind names as stored
    public const int LevelLength = 10;        // level1 … level4
    public const int RuleLength = 40;         // trace rule names
    public const int UnitLength = 10;         // kg, t, L, m3, pcs

    // Text.
    public const int NameLength = 200;         // enterprise, chemical, trade, label and unit names
    public const int AddressLength = 400;
    public const int PersonNameLength = 100;   // contact, operator, reviser
    public const int PhoneLength = 40;
    public const int SupplierLength = 400;     // name, address and phone on one label line
    public const int ConcentrationLength = 100;
    public const int PackagingLength = 200;
    public const int WaybillLength = 64;
    public const int DescriptionLength = 200;  // a Table 2 category's description
    public const int ReasonLength = 200;       // why a unit was evaluated
    public const int DetailLength = 1_000;     // why a scan was refused
    public const int SdsSectionLength = 8_000; // one GB/T 16483 section (toxicology and transport run long)
    public const int SearchLength = 200;
    public const int RiskItemLength = 200;     // one hazard or one control measure of a risk point
    public const int ReviewNoteLength = 1_000; // a regulator's note on a risk-list filing
    public const int DangerTextLength = 2_000; // a hidden danger's description, rectification measures, evidence, step notes
    public const int CriterionTextLength = 400; // one criterion of 安监总管三〔2017〕121号

    // Lists.
    public const int MaxSubstances = 50;       // chemicals held in one unit
    public const int MaxHazardClasses = 30;    // 28 GHS classes, a few with a second route or form
    public const int MaxPictograms = 9;        // GHS01 … GHS09, each once
    public const int MaxStatements = 50;       // a label's H and P statements number a few dozen at most
    public const int MaxCategories = 30;       // GB 18218 Table 2 has 24
    public const int SdsSectionCount = 16;     // GB/T 16483
    public const int MaxAlphaBands = 20;       // GB 18218 has 5
    public const int MaxRiskItems = 30;        // hazards, or control measures, of one risk point
    public const int MaxCriteria = 20;         // 安监总管三〔2017〕121号 has 20 criteria

    // Numbers, within physical sense for a city's registry.
    public const double MaxTonnes = 1_000_000;          // q of one chemical in one unit; the largest tank farms hold 10⁵ t
    public const int MaxPeople = 10_000_000;            // people within 500 m outside a site
    public const double MinCriticalQuantity = 0.001;    // Q in tonnes; Table 1 goes down to 0.3 t (phosgene)
    public const double MaxCriticalQuantity = 100_000;  // Table 2 goes up to 5,000 t (W5.4)
    public const double MinBeta = 1;                    // Table 4: 1 … 4
    public const double MaxBeta = 20;                   // Table 3: up to 20 (phosgene, phosphine, methyl isocyanate)
    public const double MinAlpha = 0.5;                 // GB 18218 α: 0.5 (nobody) … 2.0 (100 or more people)
    public const double MaxAlpha = 2.0;
    public const double MaxScanQuantity = 1_000_000;    // one scan of one coded package or batch, in any unit
    public const double MinL = 0.1, MaxL = 10;          // LEC tables (Lec): the handler also refuses values between them
    public const double MinE = 0.5, MaxE = 10;
    public const double MinC = 1, MaxC = 100;
    public const double MaxFunds = 10_000_000_000;      // rectification funds in yuan: ten billion is beyond any one danger

    /// <summary>
    /// The JSON text of a list column as EF writes it: brackets, and quotes and a comma per item. EF escapes non-ASCII
    /// text and '+' as \uXXXX (six characters), so the item's length is given as JSON, not as text.
    /// </summary>
    public static int JsonListLength(int count, int itemJsonLength) => 2 + count * (itemJsonLength + 3);

    // Items as JSON: codes (classes, pictograms, categories) are plain ASCII; in a statement every '+' (at most every
    // fifth character) takes six; free text may be escaped throughout.
    public const int StatementJsonLength = 2 * StatementLength;
    public const int SdsSectionJsonLength = 6 * SdsSectionLength;
    public const int RiskItemJsonLength = 6 * RiskItemLength;

    /// <summary>The evaluation terms of a unit as JSON: per substance its CAS, escaped name, sources and six numbers.</summary>
    public const int TermsJsonLength = MaxSubstances * (6 * NameLength + 800);
}
