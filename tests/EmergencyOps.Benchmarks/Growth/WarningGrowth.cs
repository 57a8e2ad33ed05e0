using System.Net.Http.Json;
using System.Text.Json;

namespace EmergencyOps.Benchmarks;

/// <summary>
/// Warnings' history: a base of exercise warnings issued through the gateway, updated and then cancelled (three
/// versions each), copied with their versions. Only ended warnings are copied: the active set stays what it is.
/// </summary>
internal sealed class WarningGrowth(BenchSystem system) : GrowingData(system, "warnings.db")
{
    private const int Base = 40;
    private const string Marker = "benchmark-growth";

    public override string Name => "warnings with versions";

    public override async Task PrepareAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var duty = await ClientAsync(System.Gateway, "duty1", cancellationToken);
        var ids = new List<Guid>();
        for (var i = 0; i < Base; i++)
        {
            using var issued = await duty.PostAsJsonAsync("/api/warnings", new
            {
                type = "rainstorm", level = "blue", area = new { districtCodes = new[] { "310115" } },
                headline = $"基准测试 暴雨蓝色预警 {i}", description = "benchmark", status = "Exercise",
            }, cancellationToken);
            await Http.EnsureAsync(issued, "issuing a warning", cancellationToken);
            var id = (await issued.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
            using var updated = await duty.PostAsJsonAsync($"/api/warnings/{id}/updates", new { description = "benchmark, updated", note = "benchmark" }, cancellationToken);
            await Http.EnsureAsync(updated, "updating a warning", cancellationToken);
            using var cancelled = await duty.PostAsJsonAsync($"/api/warnings/{id}/cancel", new { reason = "benchmark" }, cancellationToken);
            await Http.EnsureAsync(cancelled, "cancelling a warning", cancellationToken);
            ids.Add(id);
        }
        Operations =
        [
            new("warning with history GET", 8, Load.Get(duty, i => $"/api/warnings/{ids[i % ids.Count]}")),
            new("active warnings GET", 8, Load.Get(duty, _ => "/api/warnings?state=active")),
            new("ended warnings page GET", 8, Load.Get(duty, _ => "/api/warnings?state=ended&status=exercise&pageSize=50")),
        ];
    }

    public override async Task ScaleAsync(int scale, CancellationToken cancellationToken)
    {
        await ExecuteAsync($"""
            DELETE FROM WarningVersions WHERE WarningId IN (SELECT Id FROM Warnings WHERE CreatedBy = '{Marker}');
            DELETE FROM Warnings WHERE CreatedBy = '{Marker}';
            """, cancellationToken);
        var ended = $"w.CreatedBy <> '{Marker}' AND w.State = 'Ended'";
        var id = Clones.Guid(0x3A2B);
        await Clones.CopyAsync(File, "Warnings", $"SELECT w.rowid AS r, w.* FROM Warnings w WHERE {ended}", scale - 1,
            new Dictionary<string, string> { ["Id"] = id, ["CreatedBy"] = $"'{Marker}'" }, cancellationToken);
        await Clones.CopyAsync(File, "WarningVersions", $"SELECT w.rowid AS r, v.* FROM WarningVersions v JOIN Warnings w ON w.Id = v.WarningId WHERE {ended}", scale - 1,
            new Dictionary<string, string> { ["WarningId"] = id, ["Identifier"] = "CASE WHEN t.Identifier IS NULL THEN NULL ELSE t.Identifier || '-' || n.i END" }, cancellationToken);
    }

    public override async Task<string> RowsAsync(CancellationToken cancellationToken) =>
        $"{await RowsAsync("Warnings", "warnings", cancellationToken)}, {await RowsAsync("WarningVersions", "versions", cancellationToken)}";
}
