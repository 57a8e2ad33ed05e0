using System.Net.Http.Headers;

namespace EmergencyOps.Benchmarks;

/// <summary>
/// Inventory's ledger: a base of stock changes posted by 8 warehouses through the gateway, copied with their
/// warehouses kept, so each warehouse's own history grows with the table.
/// </summary>
internal sealed class LedgerGrowth(BenchSystem system) : GrowingData(system, "inventory.db")
{
    private const int Base = 5_000;
    private const int Warehouses = 8;
    private const string Marker = "benchmark-growth";
    private long _baseLastId;

    public override string Name => "ledger entries";

    public override async Task PrepareAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var warehouses = (await context.Seed.WarehousesAsync(cancellationToken)).Take(Warehouses).ToList();
        var gateway = await ClientAsync(System.Gateway, null, cancellationToken);
        var missing = Base - (int)await ScalarAsync("SELECT COUNT(*) FROM Ledger", cancellationToken);
        var post = StockChangeBenchmark.Post(gateway, warehouses, "growth-base");
        await Parallel.ForEachAsync(Enumerable.Range(0, Math.Max(0, missing)), new ParallelOptions { MaxDegreeOfParallelism = Warehouses, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var (ok, failure) = await post(i % Warehouses, i, ct);
                if (!ok)
                {
                    throw new InvalidOperationException($"posting the ledger's base: {failure}");
                }
            });
        // The copies are of the base as it is now: the changes posted while measuring add to every scale alike.
        _baseLastId = await ScalarAsync("SELECT MAX(Id) FROM Ledger", cancellationToken);
        Operations =
        [
            new("stock change POST", Warehouses, StockChangeBenchmark.Post(gateway, warehouses, "growth")),
            new("ledger page GET", Warehouses, async (caller, i, ct) =>
            {
                var warehouse = warehouses[caller % warehouses.Count];
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/inventory/warehouses/{warehouse.Id}/ledger?material={Seed.Material}&pageSize=50");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", warehouse.Token);
                return await Load.SendAsync(gateway, request, ct);
            }),
        ];
    }

    public override async Task ScaleAsync(int scale, CancellationToken cancellationToken)
    {
        await ExecuteAsync($"DELETE FROM Ledger WHERE Actor = '{Marker}'", cancellationToken);
        await Clones.CopyAsync(File, "Ledger", $"SELECT rowid AS r, * FROM Ledger WHERE Id <= {_baseLastId} AND Actor <> '{Marker}'", scale - 1,
            new Dictionary<string, string> { ["ChangeId"] = Clones.Guid(0x1ED6E4), ["Actor"] = $"'{Marker}'" }, cancellationToken);
    }

    public override Task<string> RowsAsync(CancellationToken cancellationToken) => RowsAsync("Ledger", "entries", cancellationToken);
}
