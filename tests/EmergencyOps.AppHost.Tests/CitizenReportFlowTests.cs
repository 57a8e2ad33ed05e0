using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static EmergencyOps.AppHost.Tests.SystemData;

namespace EmergencyOps.AppHost.Tests;

/// <summary>一码发现 through the gateway: a member of the public, with no account, scans an enterprise's code, reports what they saw and follows it by receipt.</summary>
[Collection(RunningSystem.Name)]
public sealed class CitizenReportFlowTests(SystemFixture system)
{
    [Fact]
    public async Task A_citizen_without_a_token_reads_the_enterprise_page_reports_a_hidden_danger_and_follows_it_by_receipt()
    {
        using var admin = await system.AsAsync("admin");
        var enterprise = await EnterpriseAsync(admin, "91310116MA1J8K3X7T", "上海金山石化危化品储运有限公司", "JSCY");
        var code = JsonDocument.Parse(await admin.GetStringAsync(new Uri($"/api/hazards/enterprises/{enterprise}/code", UriKind.Relative)))
            .RootElement.GetProperty("code").GetString()!;
        using var citizen = new HttpClient { BaseAddress = system.Gateway.BaseAddress };

        var page = JsonDocument.Parse(await citizen.GetStringAsync(new Uri($"/api/hazards/enterprise-codes/{code}/public", UriKind.Relative))).RootElement;
        Assert.Equal("上海金山石化危化品储运有限公司", page.GetProperty("name").GetString());
        Assert.False(page.TryGetProperty("creditCode", out _), "the public page keeps the credit code out");

        using var reported = await citizen.PostAsJsonAsync($"/api/hazards/enterprise-codes/{code}/hidden-dangers",
            new { description = "厂区东侧围墙外有刺鼻气味，持续约半小时。", location = "金山区卫零路东侧" });
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        var receipt = JsonDocument.Parse(await reported.Content.ReadAsStringAsync()).RootElement.GetProperty("receipt").GetString()!;

        var followed = JsonDocument.Parse(await citizen.GetStringAsync(new Uri($"/api/hazards/hidden-danger-receipts/{receipt}", UriKind.Relative))).RootElement;
        Assert.Equal("reported", followed.GetProperty("state").GetString());
        Assert.Equal("上海金山石化危化品储运有限公司", followed.GetProperty("enterpriseName").GetString());
    }
}
