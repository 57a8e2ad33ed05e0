using System.Text.RegularExpressions;
using EmergencyOps.Geography;
using EmergencyOps.ServiceDefaults.Input;
using static Hazards.API.Model.HazardLimits;

namespace Hazards.API.Model;

public sealed record RegisterEnterpriseRequest(
    [property: Text(CreditCodeLength)] string? CreditCode,
    [property: Text(NameLength)] string? Name,
    [property: Text(ShortCodeLength)] string? ShortCode,
    [property: Text(DistrictCodeLength)] string? DistrictCode,
    [property: Text(AddressLength)] string? Address,
    [property: Bounded(-90.0, 90.0)] double? Latitude,
    [property: Bounded(-180.0, 180.0)] double? Longitude,
    [property: Text(PersonNameLength)] string? Contact,
    [property: Text(PhoneLength)] string? Phone);

public sealed record EnterpriseResponse(
    Guid Id, string CreditCode, string Name, string ShortCode, string DistrictCode, string DistrictName, string Address,
    double Latitude, double Longitude, string Contact, string Phone, DateTime RegisteredAt)
{
    public static EnterpriseResponse From(Enterprise e) => new(
        e.Id, e.CreditCode, e.Name, e.ShortCode, e.DistrictCode, Districts.Find(e.DistrictCode)?.Name ?? e.DistrictCode, e.Address,
        e.Latitude, e.Longitude, e.Contact, e.Phone, e.RegisteredAt);
}

/// <summary>Field-by-field checks; every message names the field (camelCase, as in the JSON).</summary>
public static partial class EnterpriseValidation
{
    public static Dictionary<string, string[]> Validate(RegisterEnterpriseRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        if (!CreditCode.IsValid(r.CreditCode)) Fail("creditCode", CreditCode.Explain(r.CreditCode));
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > NameLength) Fail("name", $"A name of 1 to {NameLength} characters is required.");
        if (r.ShortCode is null || !Short().IsMatch(r.ShortCode)) Fail("shortCode", "A short code of 3 to 6 capital letters or digits (it appears in product codes, e.g. JSHG).");
        if (!Districts.IsKnown(r.DistrictCode)) Fail("districtCode", $"'{r.DistrictCode}' is not a Shanghai district code (GB/T 2260, e.g. 310116 for Jinshan).");
        if (string.IsNullOrWhiteSpace(r.Address)) Fail("address", "An address is required.");
        if (r.Latitude is not { } lat || r.Longitude is not { } lon || !Districts.IsWithinShanghai(new GeoPoint(lat, lon)))
        {
            Fail("latitude", "Latitude and longitude (WGS-84 degrees) must place the site within Shanghai (latitude 30.5–32.0, longitude 120.8–122.5).");
        }
        if (string.IsNullOrWhiteSpace(r.Contact)) Fail("contact", "A contact person is required.");
        if (string.IsNullOrWhiteSpace(r.Phone)) Fail("phone", "A contact phone number is required.");
        return errors;
    }

    public static Enterprise ToEnterprise(RegisterEnterpriseRequest r, DateTime now) => new()
    {
        CreditCode = r.CreditCode!, Name = r.Name!.Trim(), ShortCode = r.ShortCode!, DistrictCode = r.DistrictCode!, Address = r.Address!.Trim(),
        Latitude = r.Latitude!.Value, Longitude = r.Longitude!.Value, Contact = r.Contact!.Trim(), Phone = r.Phone!.Trim(), RegisteredAt = now,
    };

    [GeneratedRegex("^[A-Z0-9]{3,6}$")]
    private static partial Regex Short();
}
