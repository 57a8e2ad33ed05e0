using System.Globalization;

namespace EmergencyOps.Geography;

/// <summary>A WGS-84 point in decimal degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    /// <summary>Mean Earth radius used for every distance in the system.</summary>
    public const double EarthRadiusMetres = 6_371_000;

    /// <summary>Great-circle (haversine) distance in metres.</summary>
    public double DistanceTo(GeoPoint other)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(other.Latitude - Latitude);
        var dLon = Radians(other.Longitude - Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2)
            + Math.Cos(Radians(Latitude)) * Math.Cos(Radians(other.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>Parses CAP's <c>lat,lon</c>.</summary>
    public static bool TryParse(string? text, out GeoPoint point)
    {
        point = default;
        var parts = text?.Split(',') ?? [];
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            // Written as ranges to be in, so "NaN" (which parses, and compares false with everything) is out.
            || lat is not (>= -90 and <= 90) || lon is not (>= -180 and <= 180))
        {
            return false;
        }
        point = new GeoPoint(lat, lon);
        return true;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Latitude:0.######},{Longitude:0.######}");
}
