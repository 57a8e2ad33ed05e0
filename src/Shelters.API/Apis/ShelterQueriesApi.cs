using System.Globalization;
using System.Text;
using EmergencyOps.Geography;
using EmergencyOps.ServiceDefaults.Input;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shelters.API.Extensions;
using Shelters.API.Infrastructure;
using Shelters.API.Model;

namespace Shelters.API.Apis;

public static class ShelterQueriesApi
{
    public static RouteGroupBuilder MapShelterQueriesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/nearest", Nearest).WithName("NearestSheltersWithRoom")
            .WithSummary("Open shelters with room for N people, nearest first, with distance in metres (public: no token needed)")
            // The public's question in an emergency (where do I go?): answered without a token, with public fields only
            // (NearbyShelter has no manager or contact) and for every district, since the nearest may lie across a border.
            .AllowAnonymous();
        api.MapGet("/within", Within).WithName("SheltersInArea")
            .WithSummary("Shelters inside (or outside) districts, a CAP polygon or a CAP circle").RequireAuthorization(SheltersPolicies.Read);
        api.MapGet("/availability", Availability).WithName("ShelterAvailabilityByDistrict")
            .WithSummary("Live free places per district (cached in Redis)").RequireAuthorization(SheltersPolicies.Read);
        api.MapGet("/export.csv", ExportCsv).WithName("ExportSheltersCsv")
            .WithSummary("The shelter register (一表) as CSV").RequireAuthorization(SheltersPolicies.Read);
        api.MapGet("/export.geojson", ExportGeoJson).WithName("ExportSheltersGeoJson")
            .WithSummary("The shelter map (一图) as a GeoJSON FeatureCollection").RequireAuthorization(SheltersPolicies.Read);
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<NearbyShelter>>, ValidationProblem>> Nearest(
        [Bounded(-90d, 90d)] double? lat, [Bounded(-180d, 180d)] double? lon, [AsParameters] ShelterServices services, CancellationToken cancellationToken,
        [Bounded(1, ShelterLimits.MaxCapacity)] int people = 1, [Bounded(1, ShelterLimits.MaxNearest)] int limit = 5)
    {
        var errors = new Dictionary<string, string[]>();
        if (lat is not (>= -90 and <= 90)) errors["lat"] = ["lat (WGS-84 degrees, -90 to 90) is required."];
        if (lon is not (>= -180 and <= 180)) errors["lon"] = ["lon (WGS-84 degrees, -180 to 180) is required."];
        if (people is < 1 or > ShelterLimits.MaxCapacity) errors["people"] = [$"people must be 1 to {ShelterLimits.MaxCapacity}."];
        if (limit is < 1 or > ShelterLimits.MaxNearest) errors["limit"] = [$"limit must be 1 to {ShelterLimits.MaxNearest}."];
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Ok(await services.NearestWithRoomAsync(new GeoPoint(lat!.Value, lon!.Value), people, limit, null, cancellationToken));
    }

    public static async Task<Results<Ok<IReadOnlyList<ShelterResponse>>, ValidationProblem>> Within(
        [AsParameters] ShelterServices services, CancellationToken cancellationToken,
        [Text(ShelterLimits.DistrictListLength)] string? districts = null, [Text(ShelterLimits.PolygonLength)] string? polygon = null,
        [Text(ShelterLimits.CircleLength)] string? circle = null, bool outside = false)
    {
        var errors = new Dictionary<string, string[]>();
        var codes = (districts ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = codes.Where(c => !Districts.IsKnown(c)).ToList();
        if (unknown.Count > 0) errors["districts"] = [$"Not Shanghai district codes: {string.Join(", ", unknown)}."];
        GeoPolygon? ring = null;
        GeoCircle? disc = null;
        if (polygon is not null && !GeoPolygon.TryParse(polygon, out ring, out var polygonError)) errors["polygon"] = [polygonError!];
        if (circle is not null && !GeoCircle.TryParse(circle, out disc, out var circleError)) errors["circle"] = [circleError!];
        if (codes.Length == 0 && polygon is null && circle is null) errors["area"] = ["Give districts, a polygon ('lat,lon lat,lon ...', closed) or a circle ('lat,lon radius_km')."];
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var all = await services.Scope.Filter(services.Db.Shelters.AsNoTracking()).OrderBy(s => s.DistrictCode).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        bool Inside(Shelter s) => codes.Contains(s.DistrictCode) || ring?.Contains(s.Location) == true || disc?.Contains(s.Location) == true;
        return TypedResults.Ok<IReadOnlyList<ShelterResponse>>([.. all.Where(s => Inside(s) != outside).Select(ShelterResponse.From)]);
    }

    public static async Task<Ok<IReadOnlyList<DistrictAvailability>>> Availability([AsParameters] ShelterServices services, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<DistrictAvailability>>([.. (await services.Cache.GetAllAsync(cancellationToken)).Where(d => services.Scope.Covers(d.DistrictCode))]);

    public static async Task<FileContentHttpResult> ExportCsv([AsParameters] ShelterServices services, CancellationToken cancellationToken)
    {
        var shelters = await services.Scope.Filter(services.Db.Shelters.AsNoTracking()).OrderBy(s => s.DistrictCode).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        var csv = new StringBuilder();
        csv.AppendLine("id,name,kind,grade,district_code,district,address,latitude,longitude,usable_area_m2,capacity,occupancy,available,status,out_of_service,facilities,suitable_hazards,unsuitable_hazards,manager,contact");
        foreach (var s in shelters)
        {
            string[] fields =
            [
                s.Id.ToString(), s.Name, Lower(s.Kind), Lower(s.Grade), s.DistrictCode, Districts.Find(s.DistrictCode)?.Name ?? "", s.Address,
                Number(s.Latitude), Number(s.Longitude), Number(s.UsableArea), Number(s.Capacity), Number(s.Occupancy), Number(s.Available),
                Lower(s.Status), s.OutOfService ? "true" : "false",
                string.Join(';', s.Facilities), string.Join(';', s.SuitableHazards), string.Join(';', s.UnsuitableHazards), s.Manager, s.Contact,
            ];
            csv.AppendLine(string.Join(',', fields.Select(Quote)));
        }
        // A byte-order mark so spreadsheet programs read the Chinese names as UTF-8.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", "shelters.csv");
    }

    public static async Task<Ok<GeoJsonFeatures>> ExportGeoJson([AsParameters] ShelterServices services, CancellationToken cancellationToken)
    {
        var shelters = await services.Scope.Filter(services.Db.Shelters.AsNoTracking()).OrderBy(s => s.DistrictCode).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        // GeoJSON orders coordinates longitude first (RFC 7946); a row stored before the input rules without a
        // finite location is an unlocated feature (null geometry), not an invalid point.
        return TypedResults.Ok(new GeoJsonFeatures("FeatureCollection",
            [.. shelters.Select(s => new GeoJsonFeature("Feature", s.Id,
                double.IsFinite(s.Latitude) && double.IsFinite(s.Longitude) ? new GeoJsonPoint("Point", [s.Longitude, s.Latitude]) : null,
                ShelterResponse.From(s)))]));
    }

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    // A value stored before the input rules that is not finite is an empty cell, not "∞".
    private static string Number(double value) => double.IsFinite(value) ? value.ToString(CultureInfo.InvariantCulture) : "";

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}

public sealed record GeoJsonFeatures(string Type, IReadOnlyList<GeoJsonFeature> Features);

public sealed record GeoJsonFeature(string Type, Guid Id, GeoJsonPoint? Geometry, ShelterResponse Properties);

public sealed record GeoJsonPoint(string Type, double[] Coordinates);
