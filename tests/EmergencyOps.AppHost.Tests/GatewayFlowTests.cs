using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.Testing;

namespace EmergencyOps.AppHost.Tests;

/// <summary>User flows through the gateway of the running system, each crossing services or processes.</summary>
[Collection(RunningSystem.Name)]
public sealed class GatewayFlowTests(SystemFixture system)
{
    // The live feed through the gateway: an issued warning arrives; after a reconnect with Last-Event-ID the
    // missed update arrives once, and nothing is replayed twice.
    [Fact]
    public async Task The_feed_through_the_gateway_resumes_after_a_reconnect_with_what_was_missed_once_and_CAP_links_point_at_the_gateway()
    {
        using var gateway = await system.AsAsync("duty1");
        const string feedUrl = "/api/warnings/feed?district=310114";
        var warning = new
        {
            type = "rainstorm", level = "blue", area = new { districtCodes = new[] { "310114" } },
            headline = "嘉定区暴雨蓝色预警", description = "预计未来12小时嘉定区累计降水量将达50毫米以上。",
        };
        string lastId;
        Guid id;
        await using (var feed = await SseClient.ConnectAsync(gateway, feedUrl))
        {
            Assert.Equal("text/event-stream", feed.Response.Content.Headers.ContentType?.MediaType);
            using var issued = await gateway.PostAsJsonAsync("/api/warnings", warning);
            Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
            id = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
            var first = await feed.NextAsync();
            Assert.Equal(("warning.issued", id), (first.Event, JsonDocument.Parse(first.Data).RootElement.GetProperty("warningId").GetGuid()));
            lastId = first.Id!;
        }
        using (var update = await gateway.PostAsJsonAsync($"/api/warnings/{id}/updates", new { level = "yellow" }))
        {
            Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        }
        await using var resumed = await SseClient.ConnectAsync(gateway, feedUrl, lastId);
        var missed = await resumed.NextAsync();
        Assert.Equal(("warning.updated", 2), (missed.Event, JsonDocument.Parse(missed.Data).RootElement.GetProperty("version").GetInt32()));
        Assert.True(await resumed.NothingMoreAsync(TimeSpan.FromSeconds(1)), "nothing replayed twice");
        using var cap = await gateway.GetAsync(new Uri($"/api/warnings/{id}/cap", UriKind.Relative));
        Assert.Equal("application/cap+xml", cap.Content.Headers.ContentType?.MediaType);
        Assert.Contains(new Uri(gateway.BaseAddress!, $"/api/warnings/{id}").ToString(), await cap.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }


    // 一企一品一码 end to end: register an enterprise and a product, resolve the code by the URL its QR image
    // carries, scan it, and declare a unit whose grading reaches the warnings service over the broker.
    [Fact]
    public async Task A_product_is_coded_resolved_by_its_QR_URL_and_scanned_and_a_unit_grading_reaches_the_warnings_service()
    {
        using var gateway = await system.AsAsync("admin");
        using var registered = await gateway.PostAsJsonAsync("/api/hazards/enterprises", new
        {
            creditCode = "91310116MA1K2W9Q4K", name = "上海金山石化物流有限公司", shortCode = "JSWL", districtCode = "310116",
            address = "上海市金山区金山卫镇卫二路88号", latitude = 30.7265, longitude = 121.3342, contact = "张伟", phone = "021-57940000",
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var enterpriseId = JsonDocument.Parse(await registered.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        using var coded = await gateway.PostAsJsonAsync($"/api/hazards/enterprises/{enterpriseId}/products", new
        {
            cas = "7664-41-7", tradeName = "液氨(工业级)", concentration = "≥99.6%", packaging = "钢瓶 400 kg",
            sds = new { sections = Enumerable.Range(1, 16).Select(n => new { number = n, content = $"第{n}部分" }) },
            label = new
            {
                nameZh = "液氨", nameEn = "Liquid ammonia", pictograms = new[] { "GHS04", "GHS05", "GHS06", "GHS09" }, signalWord = "危险",
                hazardStatements = new[] { "H221", "H280", "H331", "H314", "H400" }, precautionaryStatements = new[] { "P210", "P260" },
                supplier = "上海金山石化物流有限公司", emergencyPhone = "021-57941119",
            },
        });
        Assert.Equal(HttpStatusCode.Created, coded.StatusCode);
        var product = JsonDocument.Parse(await coded.Content.ReadAsStringAsync()).RootElement;
        var code = product.GetProperty("code").GetString()!;
        var resolveUrl = product.GetProperty("resolveUrl").GetString()!;
        Assert.Equal(new Uri(gateway.BaseAddress!, $"/api/hazards/codes/{code}").ToString(), resolveUrl);

        using (var scan = await gateway.PostAsJsonAsync($"/api/hazards/codes/{code}/scans", new
        {
            step = "commissioning", actorEnterpriseId = enterpriseId, address = "上海市金山区卫二路88号", quantity = 400, unit = "kg", scannedAt = DateTimeOffset.UtcNow, @operator = "李强",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, scan.StatusCode);
        }
        var resolved = JsonDocument.Parse(await gateway.GetStringAsync(new Uri(resolveUrl))).RootElement;
        Assert.Equal("氨", resolved.GetProperty("chemical").GetProperty("nameZh").GetString());
        Assert.Equal(1, resolved.GetProperty("trace").GetProperty("scans").GetInt32());
        using (var qr = await gateway.GetAsync(new Uri($"/api/hazards/codes/{code}/qr", UriKind.Relative)))
        {
            Assert.Equal("image/png", qr.Content.Headers.ContentType?.MediaType);
        }

        // Chlorine 10 t (Q 5, β 4) and ammonia 5 t (Q 10, β 2), 45 people outside (α 1.2): S 2.5, R 10.8, 三级.
        using var unit = await gateway.PostAsJsonAsync($"/api/hazards/enterprises/{enterpriseId}/units", new
        {
            kind = "tankFarm", name = "液氯储罐区", peopleOutside = 45,
            substances = new[] { new { cas = "7782-50-5", maxTonnes = 10m }, new { cas = "7664-41-7", maxTonnes = 5m } },
        });
        Assert.Equal(HttpStatusCode.Created, unit.StatusCode);
        var evaluation = JsonDocument.Parse(await unit.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((2.5m, 10.8m, "level3"), (evaluation.GetProperty("s").GetDecimal(), evaluation.GetProperty("r").GetDecimal(), evaluation.GetProperty("level").GetString()));
        var unitId = evaluation.GetProperty("unitId").GetGuid();
        var site = await Eventually.GetAsync(async () =>
        {
            var sites = JsonDocument.Parse(await gateway.GetStringAsync(new Uri("/api/warnings/hazard-sites", UriKind.Relative))).RootElement;
            return sites.EnumerateArray().Where(s => s.GetProperty("unitId").GetGuid() == unitId).Select(s => s.GetRawText()).FirstOrDefault();
        }, "the warnings service to learn of the major hazard source");
        Assert.Contains("\"level3\"", site, StringComparison.Ordinal);
    }
}
