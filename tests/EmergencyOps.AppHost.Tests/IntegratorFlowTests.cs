using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Contracts.Inventory;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Testing;
using EmergencyOps.Testing.Webhooks;

namespace EmergencyOps.AppHost.Tests;

/// <summary>
/// The cross-service flows an integrator watches, through the gateway with every service hosted, over the AppHost's
/// RabbitMQ: each asserts what the services did and what a real webhook receiver got, signatures verified. Each flow
/// has a district of its own where no other test issues an orange or red warning (the demo data's yellow rainstorm
/// covers them and activates nothing), with shelters and norms only this class registers there.
/// </summary>
[Collection(RunningSystem.Name)]
public sealed class IntegratorFlowTests(SystemFixture system) : IAsyncLifetime
{
    private const string Putuo = "310107";
    private const string Jingan = "310106";
    private const string Hongkou = "310109";
    private const string Material = "FC-SANDBAG";
    private WebhookReceiver _receiver = null!;
    private IntegratorFlow _flow = null!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _flow = await IntegratorFlow.StartAsync(system, _receiver);
    }

    public async Task DisposeAsync()
    {
        _flow.Dispose();
        await _receiver.DisposeAsync();
    }

    // Flow 1, and the trace: the request's trace id reaches the receiver through the warnings service's outbox, and
    // through the inventory and shelter consumers' own outboxes, one trace from the HTTP request to every delivery.
    [Fact]
    public async Task An_orange_typhoon_puts_suitable_shelters_on_standby_reports_readiness_and_reaches_the_integrator_in_one_trace()
    {
        var subscription = await _flow.SubscribeAsync(Putuo, "WarningIssued", "ReserveReadinessReported", "ShelterPlacedOnStandby");
        var indoor = await _flow.ShelterAsync(Putuo, "普陀区体育馆", ["typhoon", "rainstorm"], [], 31.2490, 121.3970);
        var park = await _flow.ShelterAsync(Putuo, "普陀区滨河绿地", ["earthquake"], ["typhoon"], 31.2560, 121.4050);
        var warehouse = await _flow.WarehouseWithNormAsync("PT-FLOW-01", "普陀区防汛物资仓库", Putuo, Material, minimum: 5000, onHand: 1200);
        var trace = ActivityTraceId();

        var warningId = await _flow.IssueTyphoonAsync(Putuo, "普陀区台风橙色预警", traceParent: $"00-{trace}-{ActivitySpanId()}-01");

        await _flow.ShelterStatusAsync(indoor, "standby");
        Assert.Equal("closed", await _flow.StatusOfAsync(park));
        var report = await Eventually.GetValueAsync(async () =>
            (await _flow.GetJsonAsync($"/api/inventory/readiness?warningId={warningId}")).EnumerateArray().Select(r => (JsonElement?)r).FirstOrDefault(),
            "inventory's readiness report for the warning");
        Assert.False(report.GetProperty("ready").GetBoolean());
        var shortfall = Assert.Single(report.GetProperty("shortfalls").EnumerateArray(), s => s.GetProperty("warehouseId").GetGuid() == warehouse);
        Assert.Equal((Material, 5000, 1200), (shortfall.GetProperty("materialCode").GetString(), shortfall.GetProperty("minimum").GetInt32(), shortfall.GetProperty("available").GetInt32()));

        var issued = await _flow.DeliveredAsync(subscription, "WarningIssued", d => d.GetProperty("warningId").GetGuid() == warningId);
        Assert.Equal(((int)WarningLevel.Orange, "typhoon"), (issued.Data.GetProperty("level").GetInt32(), issued.Data.GetProperty("type").GetString()));
        var readiness = await _flow.DeliveredAsync(subscription, "ReserveReadinessReported", d => d.GetProperty("warningId").GetGuid() == warningId);
        Assert.Contains(readiness.Data.GetProperty("shortfalls").EnumerateArray(), s => s.GetProperty("warehouseId").GetGuid() == warehouse);
        var standby = await _flow.DeliveredAsync(subscription, "ShelterPlacedOnStandby", d => d.GetProperty("shelterId").GetGuid() == indoor);
        Assert.Equal(warningId, standby.Data.GetProperty("warningId").GetGuid());
        Assert.DoesNotContain(_receiver.Received, w => w.Body.Contains(park.ToString(), StringComparison.Ordinal));

        Assert.All(new[] { issued, readiness, standby }, hook => Assert.Equal(trace, TraceIdOf(hook.Webhook)));
    }

    // Flow 2: a 一级 source graded in a district under a warning, then a refused scan there, each reach the integrator
    // and each makes the warnings service suggest a chemical-release warning.
    [Fact]
    public async Task A_level1_source_graded_and_a_scan_anomaly_under_a_warning_reach_the_integrator_and_suggest_chemical_release_warnings()
    {
        var subscription = await _flow.SubscribeAsync(Jingan, "MajorHazardSourceClassified", "ScanAnomalyDetected");
        await _flow.IssueTyphoonAsync(Jingan, "静安区台风橙色预警");
        var enterprise = await _flow.EnterpriseAsync("91310106MA1FL3XK89", "上海静安氯气储运有限公司", "JACL", Jingan, 31.2290, 121.4480);

        // Chlorine 100 t (Q 5, β 4), 150 people outside (α 2.0): S 20, R 160, 一级.
        var unit = await _flow.AdminPostAsync($"/api/hazards/enterprises/{enterprise}/units", new
        {
            kind = "tankFarm", name = "液氯储罐区", peopleOutside = 150, substances = new[] { new { cas = "7782-50-5", maxTonnes = 100m } },
        });
        Assert.Equal("level1", unit.GetProperty("level").GetString());
        var unitId = unit.GetProperty("unitId").GetGuid();
        var classified = await _flow.DeliveredAsync(subscription, "MajorHazardSourceClassified", d => d.GetProperty("unitId").GetGuid() == unitId);
        Assert.Equal(((int)MajorHazardLevel.Level1, 160m), (classified.Data.GetProperty("level").GetInt32(), decimal.Parse(classified.Data.GetProperty("r").GetString()!, CultureInfo.InvariantCulture)));
        var graded = await _flow.SuggestionAsync("上海静安氯气储运有限公司 液氯储罐区认定为一级重大危险源");
        Assert.Equal(("chemical-release", "red", "31.229,121.448 1"), (graded.GetProperty("warningType").GetString(), graded.GetProperty("level").GetString(), graded.GetProperty("circle").GetString()));
        Assert.Contains("静安区台风橙色预警", graded.GetProperty("reason").GetString(), StringComparison.Ordinal);

        // A code commissioned twice: the second scan is refused (409) and kept as an anomaly, 2 km north of the site.
        var code = (await _flow.AdminPostAsync($"/api/hazards/enterprises/{enterprise}/products", SystemData.Product("液氯(工业级)"))).GetProperty("code").GetString()!;
        var scan = new { step = "commissioning", actorEnterpriseId = enterprise, latitude = 31.2470, longitude = 121.4480, address = "上海市静安区", quantity = 1, unit = "t", scannedAt = DateTimeOffset.UtcNow, @operator = "王强" };
        Assert.Equal(HttpStatusCode.Created, await _flow.AdminPostStatusAsync($"/api/hazards/codes/{code}/scans", scan));
        Assert.Equal(HttpStatusCode.Conflict, await _flow.AdminPostStatusAsync($"/api/hazards/codes/{code}/scans", scan with { scannedAt = DateTimeOffset.UtcNow }));
        var anomaly = await _flow.DeliveredAsync(subscription, "ScanAnomalyDetected", d => d.GetProperty("code").GetString() == code);
        Assert.Equal(("already-commissioned", Jingan), (anomaly.Data.GetProperty("rule").GetString(), anomaly.Data.GetProperty("districtCode").GetString()));
        var scanned = await _flow.SuggestionAsync($"码 {code}");
        Assert.Equal(("chemical-release", "red", "31.247,121.448 1"), (scanned.GetProperty("warningType").GetString(), scanned.GetProperty("level").GetString(), scanned.GetProperty("circle").GetString()));
    }

    // Flow 3: lifting the typhoon returns the shelters it put on standby to closed, releases the stock reserved for it,
    // and the integrator receives the end, the closings and the releases.
    [Fact]
    public async Task Lifting_the_warning_closes_the_shelters_it_activated_releases_its_reservations_and_reaches_the_integrator()
    {
        var subscription = await _flow.SubscribeAsync(Hongkou, "WarningEnded", "ShelterClosed", "ReservationReleased");
        var shelter = await _flow.ShelterAsync(Hongkou, "虹口足球场", ["typhoon"], [], 31.2720, 121.4800);
        var warehouse = await _flow.WarehouseWithNormAsync("HK-FLOW-01", "虹口区应急物资仓库", Hongkou, Material, minimum: 100, onHand: 800);
        var warningId = await _flow.IssueTyphoonAsync(Hongkou, "虹口区台风橙色预警");
        await _flow.ShelterStatusAsync(shelter, "standby");
        // Inventory learns of the warning over the broker; until then a reservation for it is refused (422).
        var reservation = await Eventually.GetValueAsync(() => _flow.TryReserveAsync(warningId, warehouse, Material, 300), "a reservation for the warning");

        await _flow.LiftAsync(warningId);

        await _flow.ShelterStatusAsync(shelter, "closed");
        var released = await Eventually.GetValueAsync(async () =>
            (await _flow.GetJsonAsync($"/api/inventory/reservations?warningId={warningId}")).EnumerateArray()
                .Where(r => r.GetProperty("id").GetGuid() == reservation && r.GetProperty("released").GetBoolean()).Select(r => (JsonElement?)r).FirstOrDefault(),
            "the reservation released");
        Assert.Equal("warningEnded", released.GetProperty("releasedBecause").GetString());
        var balance = (await _flow.GetJsonAsync($"/api/inventory/warehouses/{warehouse}/balances")).EnumerateArray().Single(b => b.GetProperty("materialCode").GetString() == Material);
        Assert.Equal((800, 0), (balance.GetProperty("onHand").GetInt32(), balance.GetProperty("reserved").GetInt32()));

        var ended = await _flow.DeliveredAsync(subscription, "WarningEnded", d => d.GetProperty("warningId").GetGuid() == warningId);
        Assert.Equal((int)WarningEndReason.Lifted, ended.Data.GetProperty("reason").GetInt32());
        await _flow.DeliveredAsync(subscription, "ShelterClosed", d => d.GetProperty("shelterId").GetGuid() == shelter);
        var release = await _flow.DeliveredAsync(subscription, "ReservationReleased", d => d.GetProperty("reservationId").GetGuid() == reservation);
        Assert.Equal((300, (int)ReservationReleaseCause.WarningEnded), (release.Data.GetProperty("released").GetInt32(), release.Data.GetProperty("cause").GetInt32()));
    }

    private static string ActivityTraceId() => System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString();

    private static string ActivitySpanId() => System.Diagnostics.ActivitySpanId.CreateRandom().ToHexString();

    private static string? TraceIdOf(ReceivedWebhook webhook) => webhook.TraceParent?.Split('-') is [_, var traceId, _, _] ? traceId : null;
}
