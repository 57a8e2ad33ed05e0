namespace EmergencyOps.Benchmarks;

/// <summary>
/// Shelters: the base the gateway benchmark registers in Pudong, copied across the city (30.70–31.50° N,
/// 121.00–121.90° E), so the nearest-shelter query has more candidates everywhere, its own neighbourhood included.
/// </summary>
internal sealed class ShelterGrowth(BenchSystem system) : GrowingData(system, "shelters.db")
{
    private const int Base = 60;
    private const string Marker = "benchmark-growth";

    public override string Name => "shelters";

    public override async Task PrepareAsync(BenchContext context, CancellationToken cancellationToken)
    {
        await context.Seed.SheltersAsync(Base, cancellationToken);
        var gateway = await ClientAsync(System.Gateway, null, cancellationToken);
        Operations = [new("nearest shelters GET", 16, GatewayReadBenchmark.Query(gateway))];
    }

    public override async Task ScaleAsync(int scale, CancellationToken cancellationToken)
    {
        await ExecuteAsync($"DELETE FROM Shelters WHERE Manager = '{Marker}'", cancellationToken);
        await Clones.CopyAsync(File, "Shelters", $"SELECT rowid AS r, * FROM Shelters WHERE Manager <> '{Marker}' AND DeletedAt IS NULL", scale - 1,
            new Dictionary<string, string>
            {
                ["Id"] = Clones.Guid(0x5E17),
                ["Name"] = "t.Name || '-' || n.i",
                ["Manager"] = $"'{Marker}'",
                ["Latitude"] = "30.70 + ((n.i * 7919 + t.r * 104729) % 8000) / 10000.0",
                ["Longitude"] = "121.00 + ((n.i * 15485863 + t.r * 32452843) % 9000) / 10000.0",
            }, cancellationToken);
    }

    public override Task<string> RowsAsync(CancellationToken cancellationToken) => RowsAsync("Shelters", "shelters", cancellationToken, "DeletedAt IS NULL");
}
