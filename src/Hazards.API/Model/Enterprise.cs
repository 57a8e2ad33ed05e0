namespace Hazards.API.Model;

/// <summary>A registered enterprise (producer, importer, filler, warehouse, user) of hazardous chemicals.</summary>
public class Enterprise
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>统一社会信用代码 (GB 32100), unique.</summary>
    public required string CreditCode { get; set; }

    public required string Name { get; set; }

    /// <summary>3–6 letters or digits, unique: the readable middle of the enterprise's product codes.</summary>
    public required string ShortCode { get; set; }

    public required string DistrictCode { get; set; }

    public required string Address { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public required string Contact { get; set; }

    public required string Phone { get; set; }

    /// <summary>The last product-code serial issued; only ever incremented by one atomic UPDATE.</summary>
    public int LastSerial { get; set; }

    public DateTime RegisteredAt { get; set; }
}
