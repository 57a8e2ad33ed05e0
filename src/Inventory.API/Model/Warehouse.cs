namespace Inventory.API.Model;

/// <summary>Reserve tiers: 市 city, 区 district, 街镇 street/town, 居村 neighbourhood.</summary>
public enum WarehouseTier
{
    City,
    District,
    Street,
    Community,
}

public class Warehouse
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string Code { get; set; }

    public required string Name { get; set; }

    public WarehouseTier Tier { get; set; }

    public required string DistrictCode { get; set; }

    public required string Address { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public required string Manager { get; set; }

    /// <summary>Storage area in square metres.</summary>
    public double Capacity { get; set; }

    /// <summary>
    /// Set when an administrator deletes the warehouse: it disappears from every list and answers 404, while its
    /// ledger (append-only) keeps its history and its code stays taken, so old vouchers stay unambiguous.
    /// </summary>
    public DateTime? DeletedAt { get; set; }
}

public enum MaterialCategory
{
    FloodControl,
    Rescue,
    LivingSupport,
    Medical,
    Fire,
    Communication,
    Power,
}

/// <summary>An entry of the material catalogue (物资目录). Quantities are whole units.</summary>
public class Material
{
    public required string Code { get; set; }

    public required string Name { get; set; }

    public MaterialCategory Category { get; set; }

    public required string Unit { get; set; }

    /// <summary>Days from production to expiry; null for materials that do not expire.</summary>
    public int? ShelfLifeDays { get; set; }

    public bool BatchTracked { get; set; }
}
