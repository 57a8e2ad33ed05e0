using System.Net;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Testing;
using static Warnings.API.Tests.WarningTestData;

namespace Warnings.API.Tests;

/// <summary>Each test issues into districts no other test of this class uses, so lists see only its own warnings.</summary>
public sealed class ListTests(WarningsFactory factory) : ServiceBusTests(factory), IClassFixture<WarningsFactory>
{
    protected override MessageRecorder Records(MessageRecorder recorder) => recorder.Record<WarningIssued>();

    private const string Baoshan = "310113";

    [Fact]
    public async Task Exercises_are_listed_apart_from_real_warnings()
    {
        var real = await Client.IssueAsync(Typhoon(districts: [Baoshan]));
        var drill = await Client.IssueAsync(Typhoon(districts: [Baoshan], status: "Exercise"));
        Assert.Equal("Exercise", drill.Str("status"));

        var actual = await Client.GetJsonAsync($"/api/warnings?district={Baoshan}");
        var exercises = await Client.GetJsonAsync($"/api/warnings?district={Baoshan}&status=exercise");
        Assert.Equal([real.Id()], actual.GetProperty("data").EnumerateArray().Select(w => w.Id()));
        Assert.Equal([drill.Id()], exercises.GetProperty("data").EnumerateArray().Select(w => w.Id()));
        Assert.Equal("Exercise", (await Client.GetCapAsync(drill.Id())).Value("status"));
        Assert.True((await Bus.WaitForAsync<WarningIssued>(e => e.WarningId == drill.Id())).Message.Exercise);
    }

    [Fact]
    public async Task Lists_filter_by_district_level_and_type_and_page()
    {
        var pudongRain = await Client.IssueAsync(new
        {
            type = "rainstorm", level = "yellow", area = new { districtCodes = new[] { Pudong } }, headline = "浦东新区暴雨黄色预警",
            description = "预计未来6小时浦东新区降雨量将达50毫米以上。",
        });
        await Client.IssueAsync(Typhoon(level: "blue", districts: [Jinshan]));
        await Client.IssueAsync(Typhoon(level: "orange", districts: [Jinshan]));

        var pudong = await Client.GetJsonAsync($"/api/warnings?district={Pudong}&type=rainstorm");
        Assert.Equal([pudongRain.Id()], pudong.GetProperty("data").EnumerateArray().Select(w => w.Id()));
        var jinshanBlue = await Client.GetJsonAsync($"/api/warnings?district={Jinshan}&level=blue");
        Assert.Equal(1, jinshanBlue.GetProperty("count").GetInt32());
        var firstPage = await Client.GetJsonAsync($"/api/warnings?district={Jinshan}&pageSize=1");
        Assert.Equal(2, firstPage.GetProperty("count").GetInt32());
        Assert.Single(firstPage.GetProperty("data").EnumerateArray());
        using var bad = await Client.GetAsync(new Uri("/api/warnings?level=purple", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var badPage = await Client.GetAsync(new Uri("/api/warnings?pageIndex=-1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.True((await badPage.ProblemAsync()).GetProperty("errors").TryGetProperty("pageIndex", out _), "the paging error names its field");
    }

    [Fact]
    public async Task The_type_catalogue_lists_each_type_with_its_cap_category_and_levels()
    {
        var types = await Client.GetJsonAsync("/api/warnings/types");
        var heat = types.EnumerateArray().Single(t => t.Str("code") == "heat");
        Assert.Equal(("高温", "Met"), (heat.Str("nameZh"), heat.Str("capCategory")));
        Assert.Equal(["yellow", "orange", "red"], heat.GetProperty("levels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(WarningTypes.All.Order(), types.EnumerateArray().Select(t => t.Str("code")).Order());
    }
}
