using EmergencyOps.Geography;
using EmergencyOps.ServiceDefaults.Input;
using Inventory.API.Model;

namespace Inventory.API.Apis;

/// <summary>The domain rules of a warehouse's description, the same for its registration and for a correction.</summary>
internal static class WarehouseRules
{
    public static Dictionary<string, string[]> Validate(
        string? name, string? tierName, string? districtCode, string? address, double? latitude, double? longitude, string? manager, double? capacity,
        out WarehouseTier tier)
    {
        var errors = new Dictionary<string, string[]>();
        if (Required.IsMissing(name)) errors["name"] = ["A name is required."];
        if (!EnumNames.TryParse(tierName, out tier)) errors["tier"] = ["Tier is 'city', 'district', 'street' or 'community'."];
        if (!Districts.IsKnown(districtCode)) errors["districtCode"] = [$"'{districtCode}' is not a Shanghai district code (GB/T 2260)."];
        if (Required.IsMissing(address)) errors["address"] = ["An address is required."];
        if (latitude is not { } lat || !double.IsFinite(lat)) errors["latitude"] = ["Latitude (WGS-84 degrees) is required."];
        if (longitude is not { } lon || !double.IsFinite(lon)) errors["longitude"] = ["Longitude (WGS-84 degrees) is required."];
        else if (latitude is { } at && double.IsFinite(at) && !Districts.IsWithinShanghai(new GeoPoint(at, lon)))
        {
            errors["latitude"] = ["Latitude and longitude must place the warehouse within Shanghai."];
        }
        if (Required.IsMissing(manager)) errors["manager"] = ["A manager is required."];
        if (capacity is not > 0 || !double.IsFinite(capacity.Value)) errors["capacity"] = [$"Capacity (m²) must be above 0 and at most {InventoryLimits.MaxCapacity:0}."];
        return errors;
    }
}
