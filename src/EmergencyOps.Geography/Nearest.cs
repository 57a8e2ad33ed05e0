namespace EmergencyOps.Geography;

public static class Nearest
{
    /// <summary>Items nearest first, each with its great-circle distance in whole metres.</summary>
    public static IEnumerable<(T Item, int Metres)> NearestFirst<T>(this IEnumerable<T> items, GeoPoint from, Func<T, GeoPoint> location) =>
        items.Select(item => (Item: item, Distance: from.DistanceTo(location(item))))
            .OrderBy(x => x.Distance)
            .Select(x => (x.Item, (int)Math.Round(x.Distance)));
}
