using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.Testing;

namespace EmergencyOps.AppHost.Tests;

/// <summary>Two-person sign-off with two real people, each signed in through the identity service's sign-in page.</summary>
[Collection(RunningSystem.Name)]
public sealed class SignOffTests(SystemFixture system)
{
    [Fact]
    public async Task Escalating_to_red_through_an_update_waits_until_a_second_duty_officer_signs_it_off()
    {
        using var zhang = await system.AsAsync("duty1");
        using var li = await system.AsAsync("duty2");
        using var issued = await zhang.PostAsJsonAsync("/api/warnings", new
        {
            type = "typhoon", level = "orange", area = new { districtCodes = new[] { "310120" } }, headline = "奉贤区台风橙色预警",
            description = "受台风影响，预计未来24小时奉贤区将出现10级以上大风。", instruction = "停止户外作业，转移危险区域人员。",
        });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var id = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        using (var escalated = await zhang.PostAsJsonAsync($"/api/warnings/{id}/updates", new { level = "red" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, escalated.StatusCode);
        }
        var waiting = await WarningAsync(zhang, id);
        Assert.Equal(("orange", "active"), (waiting.GetProperty("level").GetString(), waiting.GetProperty("state").GetString()));
        Assert.Equal(("red", "张伟"), (waiting.GetProperty("pendingUpdate").GetProperty("level").GetString(),
            waiting.GetProperty("pendingUpdate").GetProperty("proposedBy").GetString()));

        using (var own = await zhang.PostAsJsonAsync($"/api/warnings/{id}/sign-off", new { approve = true, comment = "自己签发" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        }
        Assert.Equal("orange", (await WarningAsync(zhang, id)).GetProperty("level").GetString());

        using (var second = await li.PostAsJsonAsync($"/api/warnings/{id}/sign-off", new { approve = true, comment = "同意升级为红色" }))
        {
            Assert.True(second.IsSuccessStatusCode, await second.Content.ReadAsStringAsync());
        }
        var red = await WarningAsync(zhang, id);
        Assert.Equal("red", red.GetProperty("level").GetString());
        Assert.Contains("李娜", red.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, red.GetProperty("pendingUpdate").ValueKind);
    }

    private static async Task<JsonElement> WarningAsync(HttpClient client, Guid id) =>
        JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/warnings/{id}", UriKind.Relative))).RootElement;
}
