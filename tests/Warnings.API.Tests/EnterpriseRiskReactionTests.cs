using System.Text.Json;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Testing;
using MassTransit;

namespace Warnings.API.Tests;

/// <summary>一码推送 over the real RabbitMQ: an enterprise rising to orange or red gets a suggested warning for its location, once.</summary>
public sealed class EnterpriseRiskReactionTests(WarningsFactory factory) : ServiceBusTests(factory), IClassFixture<WarningsFactory>
{
    private static EnterpriseRiskLevelChanged Change(string name, RiskColour previous, RiskColour level, double lat = 30.8021, double lon = 121.4563) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, "hazards", Guid.NewGuid(), Guid.NewGuid(), "91310116MA1JC0L48A", name, "310116", lat, lon,
        level, previous, 85m, ["最高重大危险源: 一级 +40", "最高风险点: 红色(重大风险) +30", "未销号重大隐患 +15"]);

    private async Task<List<JsonElement>> SuggestionsForAsync(string name) =>
        [.. (await Client.GetJsonAsync("/api/warnings/suggestions")).EnumerateArray().Where(s => s.Str("reason").Contains(name, StringComparison.Ordinal))];

    [Fact]
    public async Task A_rise_to_red_suggests_a_red_chemical_warning_around_the_enterprise_with_the_terms_as_its_reason_once()
    {
        var change = Change("上海化学工业区红色风险企业", RiskColour.Orange, RiskColour.Red);

        await Bus.Bus.Publish(change, ctx => ctx.MessageId = change.EventId);
        await Eventually.TrueAsync(async () => (await SuggestionsForAsync(change.EnterpriseName)).Count > 0, "the suggestion");
        // The same event again (a redelivery) and a second rise at the same place add nothing; a marker shows both were handled.
        await Bus.Bus.Publish(change, ctx => ctx.MessageId = change.EventId);
        await Bus.Bus.Publish(change with { EventId = Guid.NewGuid() });
        var marker = Change("上海标记企业", RiskColour.Yellow, RiskColour.Orange, 31.0, 121.3);
        await Bus.Bus.Publish(marker);
        await Eventually.TrueAsync(async () => (await SuggestionsForAsync(marker.EnterpriseName)).Count == 1, "the marker's suggestion");

        var s = Assert.Single(await SuggestionsForAsync(change.EnterpriseName));
        Assert.Equal(("issue", "chemical-release", "red"), (s.Str("kind"), s.Str("warningType"), s.Str("level")));
        Assert.Equal("30.8021,121.4563 1", s.Str("circle"));
        Assert.Equal(["310116"], s.GetProperty("districtCodes").EnumerateArray().Select(d => d.GetString()));
        Assert.Contains("风险等级升至红色(重大风险)，评分 85：最高重大危险源: 一级 +40；最高风险点: 红色(重大风险) +30；未销号重大隐患 +15", s.Str("reason"), StringComparison.Ordinal);
        Assert.Equal("orange", (await SuggestionsForAsync(marker.EnterpriseName))[0].Str("level"));
    }

    [Fact]
    public async Task A_rise_to_yellow_or_a_fall_suggests_nothing()
    {
        var yellow = Change("上海黄色风险企业", RiskColour.Blue, RiskColour.Yellow);
        var fall = Change("上海降级企业", RiskColour.Red, RiskColour.Orange, 31.1, 121.2);
        await Bus.Bus.Publish(yellow);
        await Bus.Bus.Publish(fall);
        var marker = Change("上海标记企业二", RiskColour.Orange, RiskColour.Red, 31.05, 121.35);
        await Bus.Bus.Publish(marker);
        await Eventually.TrueAsync(async () => (await SuggestionsForAsync(marker.EnterpriseName)).Count == 1, "the marker's suggestion");

        Assert.Empty(await SuggestionsForAsync(yellow.EnterpriseName));
        Assert.Empty(await SuggestionsForAsync(fall.EnterpriseName));
    }
}
