using System.Net.Http.Json;

namespace EmergencyOps.Benchmarks;

/// <summary>
/// Hazards' products with their traces: a base of products registered through the gateway, each scanned five times
/// along its way, copied with their SDS and label revisions and scans. The resolution is measured on the hazards process
/// without the code cache (<see cref="UncachedHazards"/>), so every request reads the database.
/// </summary>
internal sealed class ProductGrowth(BenchSystem system) : GrowingData(system, "hazards.db")
{
    private const int Base = 50;
    private const string Prefix = "GROWTH";
    private static readonly string[] Steps = ["commissioning", "storing", "cycleCounting", "storing", "dispensing"];

    public override string Name => "products with traces";

    public override async Task PrepareAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var (enterprise, codes) = await CodeResolutionBenchmark.SeedProductsAsync(
            System, ("91310116MA1J8K3X7T", "基准测试增长危化品储运有限公司", "JZZZ"), Base, "增长", cancellationToken);
        var admin = await ClientAsync(System.Gateway, "admin", cancellationToken);
        var start = DateTimeOffset.Now.ToOffset(TimeSpan.FromHours(8)).AddMinutes(-Steps.Length);
        foreach (var code in codes)
        {
            for (var k = 0; k < Steps.Length; k++)
            {
                using var scanned = await admin.PostAsJsonAsync($"/api/hazards/codes/{code}/scans", new
                {
                    step = Steps[k], actorEnterpriseId = enterprise, latitude = 30.73, longitude = 121.33, address = "金山石化罐区",
                    quantity = Steps[k] == "dispensing" ? 0.1 : 1, unit = "t", scannedAt = start.AddMinutes(k), @operator = "基准测试",
                }, cancellationToken);
                await Http.EnsureAsync(scanned, $"scanning {code} ({Steps[k]})", cancellationToken);
            }
        }
        var uncached = await ClientAsync(System.Direct(UncachedHazards.Name), "regulator1", cancellationToken);
        Operations = [new("code resolution GET (no cache)", 8, Load.Get(uncached, i => $"/api/hazards/codes/{codes[i % codes.Count]}"))];
    }

    public override async Task ScaleAsync(int scale, CancellationToken cancellationToken)
    {
        await ExecuteAsync($"""
            DELETE FROM Scans WHERE Code LIKE '{Prefix}%';
            DELETE FROM SdsRevisions WHERE ProductId IN (SELECT Id FROM Products WHERE Code LIKE '{Prefix}%');
            DELETE FROM LabelRevisions WHERE ProductId IN (SELECT Id FROM Products WHERE Code LIKE '{Prefix}%');
            DELETE FROM Products WHERE Code LIKE '{Prefix}%';
            """, cancellationToken);
        // A copy's id and code are made from the copy number and the base product's rowid, so its revisions and scans find it.
        var id = Clones.Guid(0x9B0D);
        var code = $"printf('{Prefix}%09d', n.i * 1000000 + t.r)";
        var products = $"FROM Products p WHERE p.Code NOT LIKE '{Prefix}%'";
        await Clones.CopyAsync(File, "Products", $"SELECT p.rowid AS r, p.* {products}", scale - 1,
            new Dictionary<string, string> { ["Id"] = id, ["Code"] = code, ["ParentCode"] = "NULL" }, cancellationToken);
        foreach (var revisions in new[] { "SdsRevisions", "LabelRevisions" })
        {
            await Clones.CopyAsync(File, revisions, $"SELECT p.rowid AS r, x.* FROM {revisions} x JOIN Products p ON p.Id = x.ProductId WHERE p.Code NOT LIKE '{Prefix}%'", scale - 1,
                new Dictionary<string, string> { ["ProductId"] = id }, cancellationToken);
        }
        await Clones.CopyAsync(File, "Scans", $"SELECT p.rowid AS r, x.* FROM Scans x JOIN Products p ON p.Code = x.Code WHERE p.Code NOT LIKE '{Prefix}%'", scale - 1,
            new Dictionary<string, string> { ["Code"] = code, ["ChildCode"] = "NULL" }, cancellationToken);
    }

    public override async Task<string> RowsAsync(CancellationToken cancellationToken) =>
        $"{await RowsAsync("Products", "products", cancellationToken)}, {await RowsAsync("Scans", "scans", cancellationToken)}";
}
