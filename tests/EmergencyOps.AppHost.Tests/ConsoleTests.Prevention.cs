using System.Net.Http.Json;
using System.Text.Json;
using static EmergencyOps.AppHost.Tests.SystemData;
using static Microsoft.Playwright.Assertions;

namespace EmergencyOps.AppHost.Tests;

public sealed partial class ConsoleTests
{
    [Fact]
    public async Task A_regulator_sees_enterprises_ranked_by_risk_with_their_terms_and_verifying_a_citizens_major_report_turns_one_red()
    {
        using var admin = await system.AsAsync("admin");
        using var registered = await admin.PostAsJsonAsync("/api/hazards/enterprises", new
        {
            creditCode = "91310112MA1PRU7K3B", name = "上海闵行氯碱控制台测试有限公司", shortCode = "MHRK", districtCode = "310112",
            address = "上海市闵行区吴泾镇龙吴路4000号", latitude = 31.03, longitude = 121.46, contact = "周强", phone = "021-64500000",
        });
        var enterprise = JsonDocument.Parse(await registered.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        using (var unit = await PostAsync(admin, $"/api/hazards/enterprises/{enterprise}/units",
            new { kind = "tankFarm", name = "液氯储罐区", peopleOutside = 10, substances = new[] { new { cas = "7782-50-5", maxTonnes = 125 } } }))
        {
            Assert.True(unit.IsSuccessStatusCode, await unit.Content.ReadAsStringAsync());   // 一级: 40
        }
        using (var point = await PostAsync(admin, $"/api/hazards/enterprises/{enterprise}/risk-points", new
        {
            name = "液氯充装作业", kind = "activity", hazards = new[] { "充装软管破裂致液氯泄漏" }, measures = new[] { "万向管道充装" },
            responsibleLevel = "team", l = 3, e = 6, c = 40,
        }))
        {
            Assert.True(point.IsSuccessStatusCode, await point.Content.ReadAsStringAsync());  // red point: 70, orange
        }
        var code = JsonDocument.Parse(await admin.GetStringAsync(new Uri($"/api/hazards/enterprises/{enterprise}/code", UriKind.Relative)))
            .RootElement.GetProperty("code").GetString()!;
        using var citizen = new HttpClient { BaseAddress = system.Gateway.BaseAddress };
        using (var report = await citizen.PostAsJsonAsync($"/api/hazards/enterprise-codes/{code}/hidden-dangers",
            new { description = "储罐区出料管的紧急切断阀一直开着，旁边没有人。", location = "龙吴路围墙外", criteria = new[] { 5 } }))
        {
            Assert.True(report.IsSuccessStatusCode, await report.Content.ReadAsStringAsync());
        }
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "regulator1");

        await page.ClickAsync("#nav a[href='#/prevention']");
        await page.SelectOptionAsync("#prevention select[name=district]", "310112");
        var row = page.Locator($"#riskRanking tr[data-enterprise='{enterprise}']");
        await Expect(row).ToHaveAttributeAsync("data-level", "orange");
        await Expect(row).ToContainTextAsync("70");
        await row.Locator("button.terms").ClickAsync();
        await Expect(page.Locator("#riskTerms tr[data-term='majorHazard']")).ToContainTextAsync("一级");
        await Expect(page.Locator("#riskTerms tr[data-term='riskPoint']")).ToContainTextAsync("30");
        var waiting = page.Locator("#awaiting tr", new() { HasText = "上海闵行氯碱控制台测试有限公司" });
        await Expect(waiting).ToHaveCountAsync(1);
        await waiting.Locator("button.verify").ClickAsync();

        // Verified, the citizen's 重大 report counts: 85, red; and it no longer waits.
        await Expect(row).ToHaveAttributeAsync("data-level", "red");
        await Expect(waiting).ToHaveCountAsync(0);
        await Expect(page.Locator("#riskTerms")).ToHaveAttributeAsync("data-level", "red");
        await Expect(page.Locator("#riskTerms tr[data-term='openMajorDangers']")).ToContainTextAsync("15");
        await ConsoleBrowser.ScreenshotAsync(page, "prevention-zh.png");
    }
}
