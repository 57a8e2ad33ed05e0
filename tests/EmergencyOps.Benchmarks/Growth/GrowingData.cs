using System.Globalization;

namespace EmergencyOps.Benchmarks;

/// <summary>
/// One kind of data the system accumulates (ledger entries, products with traces, warnings with versions, shelters):
/// its base put in through the API, its copies added and removed directly in the service's file, and the requests
/// whose cost is watched as it grows.
/// </summary>
internal interface IGrowingData : IDisposable
{
    string Name { get; }

    /// <summary>Puts in the base (1×) through the API as its users would, and readies the requests.</summary>
    Task PrepareAsync(BenchContext context, CancellationToken cancellationToken);

    /// <summary>Removes every copy, then adds <c>scale − 1</c> copies of the base.</summary>
    Task ScaleAsync(int scale, CancellationToken cancellationToken);

    /// <summary>The rows of the growing table(s) now, as "1,000 entries".</summary>
    Task<string> RowsAsync(CancellationToken cancellationToken);

    IReadOnlyList<GrowthOperation> Operations { get; }
}

/// <summary>A request measured at every scale, by <paramref name="Callers"/> callers in a closed loop.</summary>
internal sealed record GrowthOperation(string Name, int Callers, Load.Operation Run);

/// <summary>The clients a kind of data holds for its requests; disposed with it.</summary>
internal abstract class GrowingData(BenchSystem system, string database) : IGrowingData
{
    private readonly List<HttpClient> _clients = [];

    protected BenchSystem System { get; } = system;

    protected string File { get; } = Path.Combine(system.DataDirectory, database);

    public abstract string Name { get; }

    public IReadOnlyList<GrowthOperation> Operations { get; protected set; } = [];

    public abstract Task PrepareAsync(BenchContext context, CancellationToken cancellationToken);

    public abstract Task ScaleAsync(int scale, CancellationToken cancellationToken);

    public abstract Task<string> RowsAsync(CancellationToken cancellationToken);

    protected async Task<HttpClient> ClientAsync(Uri address, string? identity, CancellationToken cancellationToken)
    {
        var client = await System.ClientAsync(address, identity, cancellationToken);
        _clients.Add(client);
        return client;
    }

    protected Task<long> CountAsync(string sql, CancellationToken cancellationToken) => Clones.ScalarAsync(File, sql, cancellationToken);

    protected async Task<string> RowsAsync(string table, string what, CancellationToken cancellationToken, string where = "1") =>
        (await CountAsync($"SELECT COUNT(*) FROM {table} WHERE {where}", cancellationToken)).ToString("N0", CultureInfo.InvariantCulture) + " " + what;

    protected static Load.Operation Get(HttpClient client, Func<int, string> path) => async (_, i, ct) =>
    {
        using var response = await client.GetAsync(path(i), ct);
        await response.Content.LoadIntoBufferAsync(ct);
        return (response.IsSuccessStatusCode, response.IsSuccessStatusCode ? null : $"{(int)response.StatusCode}");
    };

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }
}
