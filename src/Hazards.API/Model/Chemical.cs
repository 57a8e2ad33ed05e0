namespace Hazards.API.Model;

/// <summary>A chemical of the catalogue: identity, GHS classification and its GB 18218 data.</summary>
public class Chemical
{
    /// <summary>CAS registry number, the key.</summary>
    public required string Cas { get; set; }

    public required string UnNumber { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    /// <summary>GHS classifications as "class:category", e.g. "acute-toxicity-inhalation:3".</summary>
    public List<string> HazardClasses { get; set; } = [];

    /// <summary>GHS01 … GHS09.</summary>
    public List<string> Pictograms { get; set; } = [];

    /// <summary>危险 or 警告.</summary>
    public required string SignalWord { get; set; }

    public List<string> HazardStatements { get; set; } = [];

    /// <summary>Critical quantity Q in tonnes when GB 18218 Table 1 names the substance.</summary>
    public decimal? CriticalQuantity { get; set; }

    /// <summary>GB 18218 Table 2 categories (J1…J5, W1.1…W11); Q is the smallest of theirs when not named.</summary>
    public List<string> Categories { get; set; } = [];

    /// <summary>β of GB 18218 Table 3 for named toxic gases; otherwise β comes from Table 4 by category.</summary>
    public decimal? ToxicGasBeta { get; set; }

    public required string Edition { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>A GB 18218 Table 2 category with its critical quantity and its Table 4 correction factor β.</summary>
public class HazardCategory
{
    public required string Code { get; set; }

    public required string Description { get; set; }

    public decimal CriticalQuantity { get; set; }

    public decimal Beta { get; set; }

    public required string Edition { get; set; }
}

/// <summary>α by the number of people within 500 m outside the site: the band with the largest MinPeople not above the count applies.</summary>
public class AlphaBand
{
    public int MinPeople { get; set; }

    public decimal Alpha { get; set; }

    public required string Edition { get; set; }
}
