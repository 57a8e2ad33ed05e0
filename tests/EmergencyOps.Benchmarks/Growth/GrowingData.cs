using System.Globalization;

namespace EmergencyOps.Benchmarks;

/// <summary>A request measured at every scale, by <paramref name="Callers"/> callers in a closed loop.</summary>
internal sealed record GrowthOperation(string Name, int Callers, Load.Operation Run);

/// <summary>
/// One kind of data the system accumulates (ledger entries, products with traces, warnings with versions, shelters):
/// its base put in through the API, its copies added and removed directly in the service's file, and the requests
/// whose cost is watched as it grows. Holds the clients of its requests; disposed with it.
/// </summary>
internal abstract class GrowingData(BenchSystem system, string database) : IDisposable
{
    private readonly List<HttpClient> _clients = [];

    protected BenchSystem System { get; } = system;

    protected string File { get; } = Path.Combine(system.DataDirectory, database);

    public abstract string Name { get; }

    public IReadOnlyList<GrowthOperation> Operations { get; protected set; } = [];

    /// <summary>Puts in the base (1×) through the API as its users would, and readies the requests.</summary>
    public abstract Task PrepareAsync(BenchContext context, CancellationToken cancellationToken);

    /// <summary>Removes every copy, then adds <c>scale − 1</c> copies of the base.</summary>
    public abstract Task ScaleAsync(int scale, CancellationToken cancellationToken);

    /// <summary>The rows of the growing table(s) now, as "1,000 entries".</summary>
    public abstract Task<string> RowsAsync(CancellationToken cancellationToken);

    protected async Task<HttpClient> ClientAsync(Uri address, string? identity, CancellationToken cancellationToken)
    {
        var client = await System.ClientAsync(address, identity, cancellationToken);
        _clients.Add(client);
        return client;
    }

    protected Task<long> ScalarAsync(string sql, CancellationToken cancellationToken) => Clones.ScalarAsync(File, sql, cancellationToken);

    protected Task ExecuteAsync(string sql, CancellationToken cancellationToken) => Clones.ExecuteAsync(File, sql, cancellationToken);

    protected async Task<string> RowsAsync(string table, string what, CancellationToken cancellationToken, string where = "1") =>
        (await ScalarAsync($"SELECT COUNT(*) FROM {table} WHERE {where}", cancellationToken)).ToString("N0", CultureInfo.InvariantCulture) + " " + what;

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }
}
