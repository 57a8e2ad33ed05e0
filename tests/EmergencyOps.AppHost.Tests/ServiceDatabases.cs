using EmergencyOps.Testing;
using EmergencyOps.Testing.BadInput;

namespace EmergencyOps.AppHost.Tests;

/// <summary>Fingerprints of every service's SQLite file in the system's data folder (the AppHost names it after the service).</summary>
public sealed class ServiceDatabases(string dataDirectory)
{
    public async Task<Dictionary<string, IReadOnlyDictionary<string, string>>> TakeAsync()
    {
        var snapshots = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        foreach (var service in SystemFixture.Services)
        {
            // Read-only and unpooled: the fingerprint must never hold the file the services write to.
            var connection = $"Data Source={Path.Combine(dataDirectory, service + ".db")};Mode=ReadOnly;Pooling=False";
            snapshots[service] = await TableSnapshot.TakeAsync(connection, []);
        }
        return snapshots;
    }

    /// <summary>
    /// A fingerprint once the system is quiet: the rows made for the corpus publish events that other services consume and
    /// record, so the files are compared only once their fingerprints have held for a second.
    /// </summary>
    public async Task<Dictionary<string, IReadOnlyDictionary<string, string>>> SettledAsync()
    {
        var last = await TakeAsync();
        var since = DateTime.UtcNow;
        return await Eventually.GetAsync(async () =>
        {
            var next = await TakeAsync();
            if (Differences(last, next).Any())
            {
                (last, since) = (next, DateTime.UtcNow);
            }
            return DateTime.UtcNow - since >= TimeSpan.FromSeconds(1) ? next : null;
        }, "the services' databases to settle", TimeSpan.FromSeconds(60));
    }

    public static IEnumerable<string> Differences(
        Dictionary<string, IReadOnlyDictionary<string, string>> before, Dictionary<string, IReadOnlyDictionary<string, string>> after) =>
        before.Keys.SelectMany(service => TableSnapshot.Differences(before[service], after[service]).Select(d => $"{service}: {d}"));
}
