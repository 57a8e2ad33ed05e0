using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static EmergencyOps.AppHost.Tests.SystemData;
using static Microsoft.Playwright.Assertions;

namespace EmergencyOps.AppHost.Tests;

/// <summary>
/// The operations console in Debian's Chromium, against the system the AppHost runs: people sign in through the identity
/// service's page, and what happens through the API arrives on their screens live.
/// </summary>
[Collection(RunningSystem.Name)]
public sealed partial class ConsoleTests(SystemFixture system, Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<string> _scriptErrors = [];
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    private string Origin => system.Gateway.BaseAddress!.GetLeftPart(UriPartial.Authority);

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(ConsoleBrowser.Options());
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        // Whatever else a test checked, the page must never have thrown.
        Assert.Empty(_scriptErrors);
    }

    [Fact]
    public async Task A_duty_officer_signs_in_and_sees_warnings_arrive_escalate_and_leave_live_in_both_languages()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);
        await SignInAsync(page, "duty1");
        await Expect(page.Locator("#user")).ToHaveTextAsync("张伟");
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");

        using var duty = await system.AsAsync("duty1");
        var headline = $"浦东新区大风蓝色预警 {Guid.NewGuid():N}"[..24];
        var id = await IssueAsync(duty, headline, "blue", "310115", "浦东新区应急管理局");
        var card = page.Locator($"li.warning[data-id='{id}']");
        await Expect(card).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Expect(card).ToHaveClassAsync(Fresh());
        await Expect(card).ToHaveAttributeAsync("data-change", "new");
        await Expect(card.Locator(".badge.level")).ToHaveTextAsync("蓝色预警");
        await Expect(card.Locator("h3")).ToHaveTextAsync(headline);

        using (var escalate = await duty.PostAsJsonAsync($"/api/warnings/{id}/updates", new { level = "yellow", note = "风力加大" }))
        {
            Assert.True(escalate.IsSuccessStatusCode, await escalate.Content.ReadAsStringAsync());
        }
        await Expect(card).ToHaveAttributeAsync("data-level", "yellow");
        await Expect(card).ToHaveAttributeAsync("data-change", "escalated");
        await Expect(card.Locator(".badge.level")).ToHaveTextAsync("黄色预警");
        await ConsoleBrowser.ScreenshotAsync(page, "wall-zh.png");

        await page.ClickAsync("#lang");
        await Expect(page.Locator("h1")).ToHaveTextAsync("City Operations Warning Desk");
        await Expect(card.Locator(".badge.level")).ToHaveTextAsync("Yellow warning");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await ConsoleBrowser.ScreenshotAsync(page, "wall-en.png");
        await page.ClickAsync("#lang");

        using (var lift = await duty.PostAsJsonAsync($"/api/warnings/{id}/lift", new { reason = "大风减弱" }))
        {
            Assert.True(lift.IsSuccessStatusCode, await lift.Content.ReadAsStringAsync());
        }
        await Expect(card).ToHaveCountAsync(0);
        // Nothing the page loads comes from outside the system.
        Assert.All(requested, url => Assert.True(url.StartsWith(Origin + "/", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), url));
    }

    [Fact]
    public async Task A_warning_issued_from_the_form_shows_the_services_messages_field_by_field_then_is_escalated_and_lifted_from_its_page()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "duty1");
        await page.ClickAsync("#nav a[href='#/issue']");

        await page.ClickAsync("#issueForm button[type=submit]");
        // The service's problem details, beside the fields they name, as the service words them.
        await Expect(page.Locator("#issueForm .field-error[data-for='headline']")).ToContainTextAsync("Must not be empty");
        await Expect(page.Locator("#issueForm [data-field='headline']")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.FillAsync("#issueForm input[name=headline]", "标题");
        await page.ClickAsync("#issueForm button[type=submit]");
        foreach (var field in new[] { "type", "level", "area", "description" })
        {
            await Expect(page.Locator($"#issueForm .field-error[data-for='{field}']")).ToBeVisibleAsync();
        }
        await Expect(page.Locator("#issueForm .field-error[data-for='headline']")).ToHaveCountAsync(0);

        var headline = $"徐汇区暴雨蓝色预警 {Guid.NewGuid():N}"[..24];
        await page.SelectOptionAsync("#issueForm select[name=type]", "rainstorm");
        await page.SelectOptionAsync("#issueForm select[name=level]", "blue");
        await page.CheckAsync("#d-310104");
        await page.FillAsync("#issueForm input[name=headline]", headline);
        await page.FillAsync("#issueForm textarea[name=description]", "预计未来6小时徐汇区累计降水量将达50毫米以上。");
        await page.FillAsync("#issueForm textarea[name=units]", "徐汇区应急管理局");
        await page.ClickAsync("#issueForm button[type=submit]");

        await Expect(page).ToHaveURLAsync(WarningPage());
        await Expect(page.Locator("#warning")).ToHaveAttributeAsync("data-state", "active");
        await Expect(page.Locator("#warning h2")).ToContainTextAsync(headline);
        await page.SelectOptionAsync("#updateForm select[name=level]", "yellow");
        await page.FillAsync("#updateForm input[name=note]", "雨势加强");
        await page.ClickAsync("#updateForm button[type=submit]");
        await Expect(page.Locator("#warning")).ToHaveAttributeAsync("data-level", "yellow");
        await Expect(page.Locator(".version")).ToHaveCountAsync(2);
        await Expect(page.Locator("#cap")).ToContainTextAsync("<msgType>Update</msgType>");

        await page.FillAsync("#liftForm input[name=reason]", "降雨结束");
        await page.ClickAsync("#liftForm button[type=submit]");
        await Expect(page.Locator("#warning")).ToHaveAttributeAsync("data-state", "ended");
        await Expect(page.Locator("#state")).ToHaveTextAsync("已结束");
    }

    [Fact]
    public async Task What_an_officer_entered_in_an_update_and_not_sent_survives_the_page_being_refreshed()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await OpenIssuedAsync(page, "duty1", "静安区大风蓝色预警(编辑中刷新)", "blue", "310106", "静安区应急管理局");
        await Expect(page.Locator("#warning")).ToHaveAttributeAsync("data-state", "active");

        await page.SelectOptionAsync("#updateForm select[name=level]", "yellow");
        await page.FillAsync("#updateForm input[name=note]", "风力加大");
        // Away from the form, so the page's poll of the closed loop re-renders it (a feed event for the warning would too).
        await page.ClickAsync("#warning h2");
        await page.EvaluateAsync("() => { document.querySelector('#warning').dataset.rendered = 'before'; }");
        await Expect(page.Locator("#warning[data-rendered]")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Expect(page.Locator("#updateForm select[name=level]")).ToHaveValueAsync("yellow");
        await Expect(page.Locator("#updateForm input[name=note]")).ToHaveValueAsync("风力加大");

        // Sent, the form starts afresh at the warning's new level.
        await page.ClickAsync("#updateForm button[type=submit]");
        await Expect(page.Locator("#warning")).ToHaveAttributeAsync("data-level", "yellow");
        await Expect(page.Locator("#updateForm input[name=note]")).ToHaveValueAsync("");
        await Expect(page.Locator("#updateForm select[name=level]")).ToHaveValueAsync("yellow");
        await Expect(page.Locator(".version")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task A_red_draft_waits_for_a_second_officers_sign_off_and_the_drafter_sees_it_go_active()
    {
        await using var first = await NewContextAsync();
        var drafter = await first.NewPageAsync();
        var id = await OpenIssuedAsync(drafter, "duty1", "崇明区台风红色预警(待签发)", "red", "310151", "崇明区应急管理局", type: "typhoon");
        await Expect(drafter.Locator("#warning")).ToHaveAttributeAsync("data-state", "draft");
        await Expect(drafter.Locator("#awaiting")).ToContainTextAsync("张伟");
        await Expect(drafter.Locator("#signOffForm")).ToHaveCountAsync(0);

        await using var second = await NewContextAsync();
        var signer = await second.NewPageAsync();
        await SignInAsync(signer, "duty2");
        await signer.GotoAsync($"{Origin}/#/warnings/{id}");
        await signer.FillAsync("#signOffForm input[name=comment]", "同意发布");
        await signer.ClickAsync("#signOffForm button[type=submit]");
        await Expect(signer.Locator("#warning")).ToHaveAttributeAsync("data-state", "active");

        await Expect(drafter.Locator("#warning")).ToHaveAttributeAsync("data-state", "active", new() { Timeout = 10_000 });
        await Expect(drafter.Locator(".version").First).ToContainTextAsync("李娜");
    }

    [Fact]
    public async Task An_acknowledgement_arrives_on_the_warnings_page_while_the_officer_watches()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "duty1");
        using var duty = await system.AsAsync("duty1");
        var id = await IssueAsync(duty, "浦东新区大雾黄色预警(签收)", "yellow", "310115", "浦东新区应急管理局", type: "fog");
        await page.GotoAsync($"{Origin}/#/warnings/{id}");
        var row = page.Locator("#loop tr[data-unit='浦东新区应急管理局']");
        await Expect(row).ToHaveAttributeAsync("data-acknowledged", "false");

        using var district = await system.AsAsync("district-pd");
        using (var ack = await district.PostAsJsonAsync($"/api/warnings/{id}/acknowledgements", new { unit = "浦东新区应急管理局" }))
        {
            Assert.True(ack.IsSuccessStatusCode, await ack.Content.ReadAsStringAsync());
        }

        await Expect(row).ToHaveAttributeAsync("data-acknowledged", "true", new() { Timeout = 10_000 });
        await Expect(row).ToContainTextAsync("王芳");
    }

    [Fact]
    public async Task A_product_code_is_looked_up_with_its_label_sds_and_trace()
    {
        using var admin = await system.AsAsync("admin");
        var enterprise = await EnterpriseAsync(admin, "91310116MA1J8K3X7T", "上海金山石化危化品储运有限公司", "JSCY");
        using var registered = await admin.PostAsJsonAsync($"/api/hazards/enterprises/{enterprise}/products", Product("液氨(控制台查询)"));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var code = JsonDocument.Parse(await registered.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
        using (var commissioned = await PostAsync(admin, $"/api/hazards/codes/{code}/scans", new
        {
            step = "commissioning", actorEnterpriseId = enterprise, latitude = 30.73, longitude = 121.33, address = "金山石化罐区",
            quantity = 1, unit = "t", scannedAt = DateTimeOffset.Now.ToOffset(TimeSpan.FromHours(8)), @operator = "王工",
        }))
        {
            Assert.True(commissioned.IsSuccessStatusCode, await commissioned.Content.ReadAsStringAsync());
        }
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "duty1");

        await page.ClickAsync("#nav a[href='#/hazards']");
        await page.FillAsync("#code", code);
        await page.ClickAsync("#lookupForm button[type=submit]");

        await Expect(page.Locator("#product")).ToHaveAttributeAsync("data-code", code);
        await Expect(page.Locator("#product h3")).ToContainTextAsync("液氨(控制台查询)");
        await Expect(page.Locator("#product")).ToContainTextAsync("021-57940119");
        // Its trace: the commissioning scan, named in the page's language.
        await Expect(page.Locator("#trace tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#trace tbody tr").First).ToHaveAttributeAsync("data-step", "commissioning");
        await Expect(page.Locator("#trace tbody tr").First).ToContainTextAsync("赋码");
        await Expect(page.Locator("#trace tbody tr").First).ToContainTextAsync("金山石化罐区");
        await page.FillAsync("#code", "310116-XXXXXX-999999-T");
        await page.ClickAsync("#lookupForm button[type=submit]");
        await Expect(page.Locator("#lookupResult .field-error")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task After_an_orange_warning_the_readiness_view_shows_the_districts_shelters_on_standby_and_its_shortfalls()
    {
        using var admin = await system.AsAsync("admin");
        var shelter = $"奉贤区体育馆 {Guid.NewGuid():N}"[..14];
        using (var registered = await PostAsync(admin, "/api/shelters", new
        {
            name = shelter, kind = "indoor", grade = "fixed", districtCode = "310120", address = "上海市奉贤区南桥镇", latitude = 30.92, longitude = 121.47,
            usableArea = 2000, capacity = 800, facilities = new[] { "water", "power", "toilets" }, suitableHazards = new[] { "typhoon" },
            unsuitableHazards = Array.Empty<string>(), manager = "周明", contact = "021-57420000",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }
        var warehouse = await WarehouseAsync(admin, "FX-R-01", "奉贤区应急物资储备库", "310120");
        using (var norm = await admin.PutAsJsonAsync($"/api/inventory/warehouses/{warehouse}/norms/FC-SANDBAG", new { minimum = 5000, recoveryMargin = 100 }))
        {
            Assert.True(norm.IsSuccessStatusCode, await norm.Content.ReadAsStringAsync());
        }
        using var duty = await system.AsAsync("duty1");
        await IssueAsync(duty, "奉贤区台风橙色预警", "orange", "310120", "奉贤区应急管理局", type: "typhoon");
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "duty1");

        await page.ClickAsync("#nav a[href='#/readiness']");
        var district = page.Locator("article[data-district='310120']");
        await Expect(district.Locator(".shortfalls tr[data-material='FC-SANDBAG']")).ToBeVisibleAsync();
        // The shelter goes on standby when the shelters service hears of the warning; the view reads again every few seconds.
        await Expect(district.Locator(".shelters tr[data-status='standby']", new() { HasText = shelter })).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await ConsoleBrowser.ScreenshotAsync(page, "readiness-zh.png");
        await page.ClickAsync("#lang");
        await Expect(district.Locator("h3")).ToContainTextAsync("Fengxian");
        await ConsoleBrowser.ScreenshotAsync(page, "readiness-en.png");
    }

    [Fact]
    public async Task The_map_draws_shelters_warehouses_and_a_warnings_circle_on_the_plan_of_Shanghai()
    {
        using var admin = await system.AsAsync("admin");
        await WarehouseAsync(admin, "BS-R-01", "宝山区应急物资储备库", "310113");
        using var duty = await system.AsAsync("duty1");
        using (var issued = await duty.PostAsJsonAsync("/api/warnings", new
        {
            type = "gas-leak", level = "yellow", area = new { circle = "31.2400,121.4900 3" }, headline = "虹口区燃气泄漏黄色预警",
            description = "燃气管道泄漏，周边3公里内请远离。", responsibleUnits = new[] { "上海燃气有限公司" },
        }))
        {
            Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        }
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "duty1");

        await page.ClickAsync("#nav a[href='#/map']");

        await Expect(page.Locator("#map [data-area='circle']").First).ToBeVisibleAsync();
        await Expect(page.Locator("#map circle.point[data-kind='warehouse']").First).ToBeAttachedAsync();
        Assert.True(await page.Locator("#map circle.point[data-kind='warehouse']").CountAsync() >= 1);
        await page.UncheckAsync("#layers input[name=warehouse]");
        await Expect(page.Locator("#map circle.point[data-kind='warehouse']")).ToHaveCountAsync(0);
        await page.CheckAsync("#layers input[name=warehouse]");
        await ConsoleBrowser.ScreenshotAsync(page, "map-zh.png");
        await page.ClickAsync("#lang");
        await Expect(page.Locator("#map h2")).ToHaveTextAsync("Map");
        await ConsoleBrowser.ScreenshotAsync(page, "map-en.png");
    }

    [Fact]
    public async Task An_operator_records_arrivals_and_departures_on_the_shelters_page_and_reads_a_warehouses_stock()
    {
        using var admin = await system.AsAsync("admin");
        var name = $"嘉定体育中心 {Guid.NewGuid():N}"[..14];
        string shelter;
        using (var registered = await PostAsync(admin, "/api/shelters", new
        {
            name, kind = "indoor", grade = "fixed", districtCode = "310114", address = "上海市嘉定区", latitude = 31.38, longitude = 121.25,
            usableArea = 1000, capacity = 300, facilities = new[] { "water" }, suitableHazards = new[] { "typhoon" },
            unsuitableHazards = Array.Empty<string>(), manager = "陆强", contact = "021-59990000",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            shelter = JsonDocument.Parse(await registered.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        }
        using var duty = await system.AsAsync("duty1");
        using (var open = await PostAsync(duty, $"/api/shelters/{shelter}/status", new { status = "open", reason = "开放" }))
        {
            Assert.True(open.IsSuccessStatusCode, await open.Content.ReadAsStringAsync());
        }
        var warehouse = await WarehouseAsync(admin, "JD-R-01", "嘉定区应急物资储备库", "310114");
        using (var receipt = await PostAsync(admin, $"/api/inventory/warehouses/{warehouse}/stock-changes",
            new { kind = "receipt", materialCode = "LV-TENT", quantity = 40, reason = "到货入库", voucherReference = "RK-JD-1" }))
        {
            Assert.True(receipt.IsSuccessStatusCode, await receipt.Content.ReadAsStringAsync());
        }
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "duty1");

        await page.ClickAsync("#nav a[href='#/shelters']");
        var row = page.Locator($"#shelters tr[data-id='{shelter}']");
        await Expect(row.Locator(".occupancy")).ToHaveTextAsync("0 / 300");
        await row.Locator("input[name=people]").FillAsync("25");
        await row.Locator("button[value=arrival]").ClickAsync();
        await Expect(row.Locator(".occupancy")).ToHaveTextAsync("25 / 300");
        await Expect(row.Locator(".available")).ToHaveTextAsync("275");
        await row.Locator("input[name=people]").FillAsync("5");
        await row.Locator("button[value=departure]").ClickAsync();
        await Expect(row.Locator(".occupancy")).ToHaveTextAsync("20 / 300");

        await page.ClickAsync("#nav a[href='#/stock']");
        await page.SelectOptionAsync("#warehouseSelect", warehouse.ToString());
        await Expect(page.Locator("#warehouse .balances tr[data-material='LV-TENT']")).ToContainTextAsync("40");
        await Expect(page.Locator("#warehouse .ledger tbody tr").First).ToContainTextAsync("+40");
    }

    [Fact]
    public async Task The_console_is_served_at_the_root_with_its_own_policy_and_its_sign_in_callback_address()
    {
        using var root = await system.Gateway.GetAsync(new Uri("/", UriKind.Relative));
        using var callback = await system.Gateway.GetAsync(new Uri("/console/callback?code=x&state=y", UriKind.Relative));
        using var script = await system.Gateway.GetAsync(new Uri("/js/app.js", UriKind.Relative));

        foreach (var page in new[] { root, callback })
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("城市运行预警值班台", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var policy = string.Join(';', page.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
            Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A desk's screen by default; a phone's when asked (touch, 390 px wide).</summary>
    private async Task<IBrowserContext> NewContextAsync(bool phone = false)
    {
        var context = await _browser.NewContextAsync(new()
        {
            ViewportSize = phone ? new() { Width = 390, Height = 844 } : new() { Width = 1920, Height = 1080 },
            IsMobile = phone, HasTouch = phone, Locale = "zh-CN", TimezoneId = "Asia/Shanghai",
        });
        context.Page += (_, page) => page.PageError += (_, error) =>
        {
            _scriptErrors.Add(error);
            output.WriteLine($"script error on {page.Url}: {error}");
        };
        return context;
    }

    /// <summary>Signs in on the identity service's own page, as a person would, and waits for the console.</summary>
    private async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync(Origin + "/");
        await page.ClickAsync("#signIn");
        await page.FillAsync("input[name=userName]", userName);
        await page.FillAsync("input[name=password]", $"local-{userName}-password");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
    }

    /// <summary>Signs the officer in, issues a warning as that officer through the API, and opens its page.</summary>
    private async Task<Guid> OpenIssuedAsync(IPage page, string officer, string headline, string level, string district, string unit, string type = "gale")
    {
        await SignInAsync(page, officer);
        using var client = await system.AsAsync(officer);
        var id = await IssueAsync(client, headline, level, district, unit, type);
        await page.GotoAsync($"{Origin}/#/warnings/{id}");
        return id;
    }

    private static async Task<Guid> IssueAsync(HttpClient duty, string headline, string level, string district, string unit, string type = "gale")
    {
        using var issued = await duty.PostAsJsonAsync("/api/warnings", new
        {
            type, level, area = new { districtCodes = new[] { district } }, headline,
            description = "预计未来12小时将出现较大影响，请做好防范。", responsibleUnits = new[] { unit },
        });
        Assert.True(issued.StatusCode is HttpStatusCode.Created or HttpStatusCode.Accepted, await issued.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }

    [GeneratedRegex("fresh")]
    private static partial Regex Fresh();

    [GeneratedRegex(@"#/warnings/[0-9a-f-]{36}$")]
    private static partial Regex WarningPage();
}
