using System.Globalization;

namespace EmergencyOps.Geography;

/// <summary>A closed ring in CAP form: <c>lat,lon lat,lon ...</c>, at least four points, first equal to last.</summary>
public sealed record GeoPolygon(IReadOnlyList<GeoPoint> Points)
{
    public static bool TryParse(string? text, out GeoPolygon? polygon, out string? error)
    {
        polygon = null;
        var points = new List<GeoPoint>();
        foreach (var pair in (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!GeoPoint.TryParse(pair, out var point))
            {
                error = $"'{pair}' is not a 'lat,lon' pair";
                return false;
            }
            points.Add(point);
        }
        if (points.Count < 4)
        {
            error = "a polygon needs at least four 'lat,lon' pairs";
            return false;
        }
        if (points[0] != points[^1])
        {
            error = "a polygon must be closed: its first and last pairs must be equal";
            return false;
        }
        polygon = new GeoPolygon(points);
        error = null;
        return true;
    }

    /// <summary>Ray casting on the plane of degrees: exact enough for city-sized rings.</summary>
    public bool Contains(GeoPoint point)
    {
        var inside = false;
        for (int i = 0, j = Points.Count - 1; i < Points.Count; j = i++)
        {
            var (a, b) = (Points[i], Points[j]);
            if ((a.Latitude > point.Latitude) != (b.Latitude > point.Latitude)
                && point.Longitude < (b.Longitude - a.Longitude) * (point.Latitude - a.Latitude) / (b.Latitude - a.Latitude) + a.Longitude)
            {
                inside = !inside;
            }
        }
        return inside;
    }

    public override string ToString() => string.Join(' ', Points);
}

/// <summary>A circle in CAP form: <c>lat,lon radius</c> with the radius in kilometres.</summary>
public sealed record GeoCircle(GeoPoint Centre, double RadiusKm)
{
    public static bool TryParse(string? text, out GeoCircle? circle, out string? error)
    {
        circle = null;
        var parts = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !GeoPoint.TryParse(parts[0], out var centre))
        {
            error = "a circle is 'lat,lon radius_km'";
            return false;
        }
        if (!double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var radius) || radius is not (> 0 and <= 500))
        {
            error = "the radius must be a number of kilometres above 0 and at most 500";
            return false;
        }
        circle = new GeoCircle(centre, radius);
        error = null;
        return true;
    }

    public bool Contains(GeoPoint point) => Centre.DistanceTo(point) <= RadiusKm * 1000;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Centre} {RadiusKm:0.###}");
}
