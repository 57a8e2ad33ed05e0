namespace Hazards.API.Model;

/// <summary>
/// A product (enterprise × chemical) with its code, and the state its trace has reached so each
/// new scan is checked against it: who holds it, where it is being shipped, what remains.
/// </summary>
public class Product
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string Code { get; set; }

    /// <summary>The code this package was repackaged from, or null for an original product.</summary>
    public string? ParentCode { get; set; }

    public Guid EnterpriseId { get; set; }

    public required string Cas { get; set; }

    public required string TradeName { get; set; }

    /// <summary>Concentration or purity as printed, e.g. "≥99.6%".</summary>
    public required string Concentration { get; set; }

    public required string Packaging { get; set; }

    public DateTime IssuedAt { get; set; }

    // Trace state, changed only by scans.
    public int LastSequence { get; set; }

    public DateTimeOffset? LastScannedAt { get; set; }

    public Guid? HolderEnterpriseId { get; set; }

    /// <summary>The consignee of the latest shipping, until it receives the product.</summary>
    public Guid? InTransitTo { get; set; }

    public decimal? Remaining { get; set; }

    public string? Unit { get; set; }

    public bool Disposed { get; set; }

    public int Version { get; set; }
}

/// <summary>One revision of a product's safety data sheet (安全技术说明书, GB/T 16483, 16 sections).</summary>
public class SdsRevision : IProductRevision
{
    public Guid ProductId { get; set; }

    public int Revision { get; set; }

    /// <summary>The 16 sections' contents, section n at index n − 1.</summary>
    public List<string> Sections { get; set; } = [];

    public DateTime RevisedAt { get; set; }

    public required string RevisedBy { get; set; }
}

/// <summary>One revision of a product's safety label (安全标签, GB 15258).</summary>
public class LabelRevision : IProductRevision
{
    public Guid ProductId { get; set; }

    public int Revision { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    public List<string> Pictograms { get; set; } = [];

    public required string SignalWord { get; set; }

    public List<string> HazardStatements { get; set; } = [];

    public List<string> PrecautionaryStatements { get; set; } = [];

    public required string Supplier { get; set; }

    public required string EmergencyPhone { get; set; }

    public DateTime RevisedAt { get; set; }

    public required string RevisedBy { get; set; }
}

/// <summary>GB/T 16483-2008 section titles, in order.</summary>
public static class SdsSections
{
    public static IReadOnlyList<string> Titles { get; } =
    [
        "化学品及企业标识", "危险性概述", "成分/组成信息", "急救措施", "消防措施", "泄漏应急处理", "操作处置与储存", "接触控制和个体防护",
        "理化特性", "稳定性和反应性", "毒理学信息", "生态学信息", "废弃处置", "运输信息", "法规信息", "其他信息",
    ];
}

/// <summary>A numbered revision of a product's SDS or label; the code stays, the revisions accumulate.</summary>
public interface IProductRevision
{
    Guid ProductId { get; }

    int Revision { get; }
}
