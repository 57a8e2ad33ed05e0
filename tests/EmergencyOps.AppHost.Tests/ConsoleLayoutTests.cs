using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static EmergencyOps.AppHost.Tests.SystemData;
using static Microsoft.Playwright.Assertions;

namespace EmergencyOps.AppHost.Tests;

public sealed partial class ConsoleTests
{
    [Fact]
    public async Task On_a_phone_width_screen_every_view_fits_and_a_tables_rows_read_as_cards_with_their_column_names()
    {
        using var admin = await system.AsAsync("admin");
        var name = $"青浦体育馆 {Guid.NewGuid():N}"[..13];
        using (var registered = await PostAsync(admin, "/api/shelters", new
        {
            name, kind = "indoor", grade = "fixed", districtCode = "310118", address = "上海市青浦区", latitude = 31.15, longitude = 121.12,
            usableArea = 800, capacity = 200, facilities = new[] { "water" }, suitableHazards = new[] { "typhoon" },
            unsuitableHazards = Array.Empty<string>(), manager = "顾明", contact = "021-59720000",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }
        await using var context = await NewContextAsync(phone: true);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "duty1");

        foreach (var link in await page.Locator("#nav a:visible").AllAsync())
        {
            var target = await link.GetAttributeAsync("href");
            await link.ClickAsync();
            await Expect(page.Locator($"#nav a[href='{target}']")).ToHaveAttributeAsync("aria-current", "page");
            await Expect(page.Locator("#view > *").First).ToBeVisibleAsync();
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, innerWidth]");
            var (content, viewport) = (widths[0], widths[1]);
            Assert.True(content <= viewport, $"{target} is {content} px wide on a {viewport} px screen");
        }

        await page.ClickAsync("#nav a[href='#/shelters']");
        var cell = page.Locator("#shelters tr", new() { HasText = name }).Locator("td").First;
        await Expect(cell).ToHaveAttributeAsync("data-label", "场所");
        await Expect(cell).ToHaveCSSAsync("display", "grid");
        await Expect(page.Locator("#shelters thead")).ToHaveCSSAsync("position", "absolute");
        await ConsoleBrowser.ScreenshotAsync(page, "shelters-phone-zh.png");
    }

    [Fact]
    public async Task The_issue_form_draws_a_polygon_and_a_circle_as_they_are_typed_and_issues_a_warning_with_them()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "duty1");
        await page.ClickAsync("#nav a[href='#/issue']");
        await page.SelectOptionAsync("#issueForm select[name=type]", "chemical-release");
        await page.SelectOptionAsync("#issueForm select[name=level]", "yellow");
        await page.FillAsync("#issueForm textarea[name=polygon]", "30.72, 121.30\n30.72,121.36\n30.76,121.36\n30.72,121.30");
        await Expect(page.Locator("#areaPreview polygon[data-area='polygon']")).ToHaveCountAsync(1);
        await page.FillAsync("#issueForm input[name=circleLat]", "30.74");
        await page.FillAsync("#issueForm input[name=circleLon]", "121.33");
        var headline = $"金山区危化品泄漏黄色预警 {Guid.NewGuid():N}"[..24];
        await page.FillAsync("#issueForm input[name=headline]", headline);
        await page.FillAsync("#issueForm textarea[name=description]", "金山石化园区储罐区疑似泄漏，请周边人员关闭门窗。");
        await page.FillAsync("#issueForm textarea[name=units]", "金山区应急管理局");

        // The radius is missing: the service's message for the circle, beside the circle, and nothing issued.
        await page.ClickAsync("#issueForm button[type=submit]");
        await Expect(page.Locator("#issueForm .field-error[data-for='area.circle']")).ToBeVisibleAsync();
        await Expect(page.Locator("#issueForm [data-field='area.circle']")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.FillAsync("#issueForm input[name=circleKm]", "2");
        await Expect(page.Locator("#areaPreview circle[data-area='circle']")).ToHaveCountAsync(1);
        await page.ClickAsync("#issueForm button[type=submit]");

        await Expect(page).ToHaveURLAsync(WarningPage());
        await Expect(page.Locator("#warning [data-area='polygon']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#warning [data-area='circle']")).ToHaveCountAsync(1);
        var id = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        using var duty = await system.AsAsync("duty1");
        var area = JsonDocument.Parse(await duty.GetStringAsync(new Uri($"/api/warnings/{id}", UriKind.Relative))).RootElement.GetProperty("current").GetProperty("area");
        Assert.Equal("30.72,121.3 30.72,121.36 30.76,121.36 30.72,121.3", area.GetProperty("polygon").GetString());
        Assert.Equal("30.74,121.33 2", area.GetProperty("circle").GetString());
        Assert.Equal(0, area.GetProperty("districtCodes").GetArrayLength());
    }

    // Headless Chromium has no barcode detector: the page is given one that reads what the product's QR image encodes, and
    // a fake camera, so the page's own path (camera, video, detection, lookup) runs as on a phone that has both.
    [Fact]
    public async Task Where_the_browser_can_read_QR_codes_the_camera_reads_a_products_code_and_looks_it_up()
    {
        using var admin = await system.AsAsync("admin");
        var enterprise = await EnterpriseAsync(admin, "91310116MA1J8K3X7T", "上海金山石化危化品储运有限公司", "JSCY");
        using var registered = await admin.PostAsJsonAsync($"/api/hazards/enterprises/{enterprise}/products", Product("液氨(扫码查询)"));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var product = JsonDocument.Parse(await registered.Content.ReadAsStringAsync()).RootElement;
        var code = product.GetProperty("code").GetString()!;
        var encoded = product.GetProperty("publicUrl").GetString()!;

        await using var context = await NewContextAsync(phone: true);
        await context.GrantPermissionsAsync(["camera"]);
        await context.AddInitScriptAsync($$"""
            window.BarcodeDetector = class {
              constructor(options) { this.formats = options.formats; }
              async detect(video) { return video.videoWidth > 0 && this.formats.includes('qr_code') ? [{ rawValue: {{JsonSerializer.Serialize(encoded)}} }] : []; }
            };
            """);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "duty1");
        await page.ClickAsync("#nav a[href='#/hazards']");
        await page.ClickAsync("#lookupForm button[type=button]");

        await Expect(page.Locator("#product")).ToHaveAttributeAsync("data-code", code, new() { Timeout = 10_000 });
        await Expect(page.Locator("#code")).ToHaveValueAsync(code);
        await Expect(page.Locator("#product h3")).ToContainTextAsync("液氨(扫码查询)");
        Assert.False(await page.EvaluateAsync<bool>("() => !!document.querySelector('video')"), "the camera view is gone once the code is read");
    }

    [Fact]
    public async Task The_keyboard_alone_moves_through_the_sections_and_opens_a_warning_from_the_wall()
    {
        using var duty = await system.AsAsync("duty1");
        var id = await IssueAsync(duty, $"奉贤区大雾黄色预警 {Guid.NewGuid():N}"[..24], "yellow", "310120", "奉贤区应急管理局", type: "fog");
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "duty1");
        await Expect(page.Locator($"li.warning[data-id='{id}']")).ToBeVisibleAsync();

        await TabToAsync(page, "#nav a[href='#/issue']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#issueForm")).ToBeVisibleAsync();
        await TabToAsync(page, "#nav a[href='#/']");
        await page.Keyboard.PressAsync("Enter");
        await TabToAsync(page, $"li.warning[data-id='{id}'] h3 a");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(WarningPage());
        await Expect(page.Locator("#warning h2")).ToContainTextAsync("奉贤区大雾黄色预警");
    }

    // Presses Tab (Shift+Tab when the element comes before the focus) until the element has the focus, within as many
    // presses as the page has focusable elements.
    private static async Task TabToAsync(IPage page, string selector)
    {
        var target = page.Locator(selector);
        var backwards = await target.EvaluateAsync<bool>(
            "el => document.activeElement !== document.body && !!(el.compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING)");
        var focusable = await page.Locator("a[href], button:visible, input:visible, select:visible, textarea:visible").CountAsync();
        for (var i = 0; i <= focusable; i++)
        {
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement"))
            {
                return;
            }
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
        }
        Assert.Fail($"Tab never reached {selector}");
    }
}
