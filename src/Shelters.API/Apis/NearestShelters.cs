using EmergencyOps.Geography;
using Microsoft.EntityFrameworkCore;
using Shelters.API.Infrastructure;
using Shelters.API.Model;

namespace Shelters.API.Apis;

/// <summary>
/// The nearest open shelters with room, read from a box around the point that widens (×4) until it holds enough
/// shelters no farther than its half-width: a query reads the shelters near it through the (Status, Latitude) index
/// and only the columns it answers with, not every shelter of the city. Distances are computed here (SQLite has no
/// trigonometry); a box holding a pole or crossing the antimeridian takes every longitude.
/// </summary>
internal static class NearestShelters
{
    private const double FirstRadiusMetres = 2_000;

    // Past this the box is the world: a point far from every shelter reads them all, as before.
    private const double WorldRadiusMetres = 2_500_000;

    public static async Task<IReadOnlyList<NearbyShelter>> FindAsync(
        SheltersContext db, GeoPoint from, int people, int limit, Guid? except, CancellationToken cancellationToken)
    {
        for (var radius = FirstRadiusMetres; ; radius *= 4)
        {
            var world = radius >= WorldRadiusMetres;
            var query = db.Shelters.AsNoTracking()
                .Where(s => s.Status == ShelterStatus.Open && !s.OutOfService && s.Capacity - s.Occupancy >= people && s.Id != except);
            if (!world)
            {
                var (south, north, west, east) = Box(from, radius);
                query = query.Where(s => s.Latitude >= south && s.Latitude <= north);
                if (west is { } w && east is { } e)
                {
                    query = query.Where(s => s.Longitude >= w && s.Longitude <= e);
                }
            }
            var candidates = await query
                .Select(s => new Candidate(s.Id, s.Name, s.DistrictCode, s.Address, s.Latitude, s.Longitude, s.Capacity, s.Occupancy))
                .ToListAsync(cancellationToken);
            // A row stored before the input rules may have no finite location: it cannot be anyone's nearest shelter.
            var nearest = candidates.Where(c => double.IsFinite(c.Latitude) && double.IsFinite(c.Longitude))
                .NearestFirst(from, c => new GeoPoint(c.Latitude, c.Longitude))
                .Where(x => world || x.Metres <= radius)
                .Take(limit).ToList();
            if (nearest.Count == limit || world)
            {
                return [.. nearest.Select(x => new NearbyShelter(x.Item.Id, x.Item.Name, x.Item.DistrictCode, x.Item.Address,
                    x.Item.Latitude, x.Item.Longitude, x.Item.Capacity - x.Item.Occupancy, x.Item.Capacity, x.Metres))];
            }
        }
    }

    /// <summary>The box holding every point within <paramref name="radiusMetres"/>; no longitude bounds where it would wrap.</summary>
    internal static (double South, double North, double? West, double? East) Box(GeoPoint from, double radiusMetres)
    {
        var angle = radiusMetres / GeoPoint.EarthRadiusMetres;
        var degrees = angle * 180 / Math.PI;
        var (south, north) = (from.Latitude - degrees, from.Latitude + degrees);
        if (south <= -90 || north >= 90)
        {
            return (south, north, null, null);
        }
        // The circle's widest reach in longitude (it is widest poleward of its centre, not at it).
        var reach = Math.Asin(Math.Sin(angle) / Math.Cos(from.Latitude * Math.PI / 180)) * 180 / Math.PI;
        var (west, east) = (from.Longitude - reach, from.Longitude + reach);
        return west < -180 || east > 180 ? (south, north, null, null) : (south, north, west, east);
    }

    private sealed record Candidate(Guid Id, string Name, string DistrictCode, string Address, double Latitude, double Longitude, int Capacity, int Occupancy);
}
