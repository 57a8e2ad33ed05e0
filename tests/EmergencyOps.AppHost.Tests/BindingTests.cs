using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.Testing;
using static EmergencyOps.AppHost.Tests.SystemData;

namespace EmergencyOps.AppHost.Tests;

/// <summary>
/// Bindings with real tokens through the gateway: a warehouse, an enterprise and a district operator act for their
/// own records only, and a refusal changes nothing.
/// </summary>
[Collection(RunningSystem.Name)]
public sealed class BindingTests(SystemFixture system)
{
    [Fact]
    public async Task Warehouse_A_posts_to_its_own_stock_but_not_to_warehouse_B_and_sees_only_its_own_ledger()
    {
        using var admin = await system.AsAsync("admin");
        var a = await WarehouseAsync(admin, "PD-R-N", "浦东新区北片区域库(高桥)");
        var b = await WarehouseAsync(admin, "PD-R-S", "浦东新区南片区域库(惠南)");
        using var warehouse = await system.AsAsync("warehouse-pd-r-n");
        var receipt = new { kind = "receipt", materialCode = "FC-SANDBAG", quantity = 10, reason = "到货入库", voucherReference = "RK-T-1" };

        using (var own = await PostAsync(warehouse, $"/api/inventory/warehouses/{a}/stock-changes", receipt))
        {
            Assert.True(own.IsSuccessStatusCode, await own.Content.ReadAsStringAsync());
        }
        var ledgerBefore = await admin.GetStringAsync(new Uri($"/api/inventory/warehouses/{b}/ledger", UriKind.Relative));
        using (var other = await PostAsync(warehouse, $"/api/inventory/warehouses/{b}/stock-changes", receipt))
        {
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
            var problem = await other.ProblemAsync();
            Assert.Equal("Not your warehouse", problem.GetProperty("title").GetString());
        }
        Assert.Equal(ledgerBefore, await admin.GetStringAsync(new Uri($"/api/inventory/warehouses/{b}/ledger", UriKind.Relative)));

        using (var ledger = await warehouse.GetAsync(new Uri($"/api/inventory/warehouses/{b}/ledger", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, ledger.StatusCode);
        }
        var listed = JsonDocument.Parse(await warehouse.GetStringAsync(new Uri("/api/inventory/warehouses", UriKind.Relative))).RootElement;
        Assert.Equal([a], listed.EnumerateArray().Select(w => w.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Enterprise_A_registers_products_only_for_itself_and_cannot_scan_enterprise_Bs_codes()
    {
        using var admin = await system.AsAsync("admin");
        var a = await EnterpriseAsync(admin, "91310116MA1J8K3X7T", "上海金山石化危化品储运有限公司", "JSCY");
        var b = await EnterpriseAsync(admin, "91310116MA1JC0L48A", "上海化学工业区氯碱化工有限公司", "HGLJ");
        using var enterprise = await system.AsAsync("enterprise-jscy");

        using (var own = await enterprise.PostAsJsonAsync($"/api/hazards/enterprises/{a}/products", Product("液氨(工业级)")))
        {
            Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        }
        var theirsBefore = await admin.GetStringAsync(new Uri($"/api/hazards/enterprises/{b}/products", UriKind.Relative));
        using (var theirs = await enterprise.PostAsJsonAsync($"/api/hazards/enterprises/{b}/products", Product("液氨(冒名)")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, theirs.StatusCode);
            Assert.Equal("Not your enterprise", (await theirs.ProblemAsync()).GetProperty("title").GetString());
        }
        Assert.Equal(theirsBefore, await admin.GetStringAsync(new Uri($"/api/hazards/enterprises/{b}/products", UriKind.Relative)));

        using var coded = await admin.PostAsJsonAsync($"/api/hazards/enterprises/{b}/products", Product("液氯"));
        var code = JsonDocument.Parse(await coded.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
        var traceBefore = await admin.GetStringAsync(new Uri($"/api/hazards/codes/{code}", UriKind.Relative));
        using (var scan = await enterprise.PostAsJsonAsync($"/api/hazards/codes/{code}/scans", new
        {
            step = "commissioning", actorEnterpriseId = a, latitude = 30.8021, longitude = 121.4563, address = "上海市金山区漕泾镇",
            quantity = 1, unit = "t", scannedAt = DateTimeOffset.UtcNow.AddMinutes(-5), @operator = "赵敏",
        }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, scan.StatusCode);
        }
        Assert.Equal(traceBefore, await admin.GetStringAsync(new Uri($"/api/hazards/codes/{code}", UriKind.Relative)));
    }

    [Fact]
    public async Task A_district_operator_of_310115_neither_sees_nor_lifts_nor_acknowledges_a_warning_of_310101_only()
    {
        using var duty = await system.AsAsync("duty1");
        using var issued = await duty.PostAsJsonAsync("/api/warnings", new
        {
            type = "rainstorm", level = "blue", area = new { districtCodes = new[] { "310101" } }, headline = "黄浦区暴雨蓝色预警",
            description = "预计未来6小时黄浦区累计降水量将达50毫米以上。", responsibleUnits = new[] { "黄浦区应急管理局" },
        });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var id = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        using var pudong = await system.AsAsync("district-pd");
        using var huangpu = await system.AsAsync("district-hp");

        using (var lift = await pudong.PostAsJsonAsync($"/api/warnings/{id}/lift", new { reason = "越权解除" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, lift.StatusCode);
        }
        using (var ack = await pudong.PostAsJsonAsync($"/api/warnings/{id}/acknowledgements", new { unit = "黄浦区应急管理局" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, ack.StatusCode);
        }
        var list = await pudong.GetStringAsync(new Uri("/api/warnings?state=all&pageSize=200", UriKind.Relative));
        Assert.DoesNotContain(id.ToString(), list, StringComparison.Ordinal);

        var warning = JsonDocument.Parse(await duty.GetStringAsync(new Uri($"/api/warnings/{id}", UriKind.Relative))).RootElement;
        Assert.Equal("active", warning.GetProperty("state").GetString());
        using (var own = await huangpu.PostAsJsonAsync($"/api/warnings/{id}/acknowledgements", new { unit = "黄浦区应急管理局" }))
        {
            Assert.True(own.IsSuccessStatusCode, await own.Content.ReadAsStringAsync());
        }
        var responses = await duty.GetStringAsync(new Uri($"/api/warnings/{id}/responses", UriKind.Relative));
        Assert.Contains("刘洋", responses, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_responder_answers_for_its_own_unit_only_and_the_duty_officer_answers_for_a_unit_on_its_behalf()
    {
        const string Gas = "上海燃气有限公司", Drainage = "上海市排水管理事务中心";
        using var duty = await system.AsAsync("duty1");
        using var issued = await duty.PostAsJsonAsync("/api/warnings", new
        {
            type = "rainstorm", level = "blue", area = new { districtCodes = new[] { "310104" } }, headline = "徐汇区暴雨蓝色预警",
            description = "预计未来6小时徐汇区累计降水量将达50毫米以上。", responsibleUnits = new[] { Gas, Drainage },
        });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var id = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        using var gas = await system.AsAsync("responder-gas");

        using (var own = await gas.PostAsJsonAsync($"/api/warnings/{id}/acknowledgements", new { unit = Gas }))
        {
            Assert.True(own.IsSuccessStatusCode, await own.Content.ReadAsStringAsync());
        }
        using (var foreign = await gas.PostAsJsonAsync($"/api/warnings/{id}/acknowledgements", new { unit = Drainage }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
            Assert.Equal("Not your unit", (await foreign.ProblemAsync()).GetProperty("title").GetString());
        }
        using (var onBehalf = await duty.PostAsJsonAsync($"/api/warnings/{id}/acknowledgements", new { unit = Drainage }))
        {
            Assert.True(onBehalf.IsSuccessStatusCode, await onBehalf.Content.ReadAsStringAsync());
        }

        var responses = JsonDocument.Parse(await duty.GetStringAsync(new Uri($"/api/warnings/{id}/responses", UriKind.Relative))).RootElement
            .GetProperty("responses").EnumerateArray().ToDictionary(r => r.GetProperty("unit").GetString()!);
        Assert.Equal((Gas, false), (responses[Gas].GetProperty("acknowledgedBy").GetString(), responses[Gas].GetProperty("acknowledgedOnBehalf").GetBoolean()));
        Assert.Equal(("张伟", true), (responses[Drainage].GetProperty("acknowledgedBy").GetString(), responses[Drainage].GetProperty("acknowledgedOnBehalf").GetBoolean()));
    }
}
