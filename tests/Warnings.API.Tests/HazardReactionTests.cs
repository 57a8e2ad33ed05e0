using System.Text.Json;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Testing;
using MassTransit;

namespace Warnings.API.Tests;

public class AutoIssueFactory : WarningsFactory
{
    public AutoIssueFactory() => Settings["Warnings:AutoIssueFromHazards"] = "true";
}

/// <summary>Hazard registry events arrive over the real RabbitMQ, as the registry publishes them.</summary>
public sealed class HazardReactionTests(WarningsFactory factory) : ServiceBusTests(factory), IClassFixture<WarningsFactory>
{
    internal static readonly Guid Enterprise = Guid.NewGuid();

    internal static MajorHazardSourceClassified Classified(Guid enterprise, MajorHazardLevel level) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, "hazards", Guid.NewGuid(), Guid.NewGuid(), "液氯储罐区", enterprise, "上海某氯碱化工有限公司",
        "310116", 30.7260, 121.3320, 3.2m, 64m, level, ["7782-50-5"]);

    internal static ScanAnomalyDetected Anomaly(Guid actor, Guid owner) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, "hazards", Guid.NewGuid(), "310116-CL-000123-K", "dispensing", "after-disposal",
        "该码已于前一环节处置，不能再领用。", actor, owner, "7782-50-5", "氯", "310116", 30.7265, 121.3325);

    private async Task<JsonElement?> SuggestionForAsync(string code)
    {
        var list = await Client.GetJsonAsync("/api/warnings/suggestions");
        return list.EnumerateArray().Where(s => s.Str("reason").Contains(code, StringComparison.Ordinal)).Select(s => (JsonElement?)s).FirstOrDefault();
    }

    [Fact]
    public async Task An_anomaly_at_a_major_hazard_source_suggests_a_chemical_release_warning_at_the_matching_level()
    {
        var enterprise = Guid.NewGuid();
        await Bus.Bus.Publish(Classified(enterprise, MajorHazardLevel.Level2));
        var anomaly = Anomaly(actor: enterprise, owner: enterprise) with { Code = "310116-CL-000777-Q" };
        // The classification must be known before the anomaly: wait for it through the API's side effect.
        await Eventually.TrueAsync(async () =>
        {
            await Bus.Bus.Publish(anomaly with { EventId = Guid.NewGuid() });
            return await SuggestionForAsync(anomaly.Code) is not null;
        }, "a suggestion for the anomaly");

        var suggestion = (await SuggestionForAsync(anomaly.Code))!.Value;
        Assert.Equal(("issue", "chemical-release", "orange"), (suggestion.Str("kind"), suggestion.Str("warningType"), suggestion.Str("level")));
        Assert.Equal("30.7265,121.3325 1", suggestion.Str("circle"));
        Assert.Contains("上海某氯碱化工有限公司", suggestion.Str("reason"), StringComparison.Ordinal);

        var accepted = await Client.SendJsonAsync($"/api/warnings/suggestions/{suggestion.Id()}/accept", null);
        var warning = await Client.GetJsonAsync($"/api/warnings/{accepted.GetProperty("warningId").GetGuid()}");
        Assert.Equal(("active", "orange", "chemical-release"), (warning.Str("state"), warning.Str("level"), warning.Str("type")));
        Assert.Equal("CBRNE", (await Client.GetCapAsync(warning.Id())).Value("category"));
        Assert.Equal("30.7265,121.3325 1", (await Client.GetCapAsync(warning.Id())).Value("circle"));
    }

    [Fact]
    public async Task Anomalies_where_there_is_no_major_hazard_source_raise_nothing()
    {
        var known = Guid.NewGuid();
        await Bus.Bus.Publish(Classified(known, MajorHazardLevel.Level3));
        var elsewhere = Anomaly(Guid.NewGuid(), Guid.NewGuid()) with { Code = "310112-MEOH-000001-X" };
        await Bus.Bus.Publish(elsewhere);
        var marker = Anomaly(known, known) with { Code = "310116-CL-000999-M", Latitude = 30.80, Longitude = 121.40 };
        await Eventually.TrueAsync(async () =>
        {
            await Bus.Bus.Publish(marker with { EventId = Guid.NewGuid() });
            return await SuggestionForAsync(marker.Code) is not null;
        }, "the marker's suggestion");

        Assert.Null(await SuggestionForAsync(elsewhere.Code));
        Assert.Equal("yellow", (await SuggestionForAsync(marker.Code))!.Value.Str("level"));
    }
}

public sealed class HazardAutoIssueTests(AutoIssueFactory factory) : ServiceBusTests(factory), IClassFixture<AutoIssueFactory>
{
    protected override MessageRecorder Records(MessageRecorder recorder) => recorder.Record<WarningIssued>();

    [Fact]
    public async Task Configured_to_act_it_issues_the_chemical_release_warning_itself_once_per_anomaly()
    {
        var enterprise = Guid.NewGuid();
        await ClassifyAsync(enterprise, MajorHazardLevel.Level3);
        var anomaly = HazardReactionTests.Anomaly(enterprise, enterprise);

        await Bus.Bus.Publish(anomaly, ctx => ctx.MessageId = anomaly.EventId);
        var issued = await Bus.WaitForAsync<WarningIssued>(e => e.Type == WarningTypes.ChemicalRelease);

        Assert.Equal(WarningLevel.Yellow, issued.Message.Level);
        Assert.Equal("30.7265,121.3325 1", issued.Message.Area.Circle);
        // The broker delivering the same event again must not issue twice; a marker behind it shows it was handled.
        await Bus.Bus.Publish(anomaly, ctx => ctx.MessageId = anomaly.EventId);
        var marker = HazardReactionTests.Anomaly(enterprise, enterprise) with { Latitude = 30.9, Longitude = 121.5 };
        await Bus.Bus.Publish(marker, ctx => ctx.MessageId = marker.EventId);
        await Bus.WaitForAsync<WarningIssued>(e => e.Area.Circle == "30.9,121.5 1");
        var list = await Client.GetJsonAsync("/api/warnings?type=chemical-release");
        Assert.Equal(2, list.GetProperty("count").GetInt32());
        Assert.Equal("hazard", (await Client.GetJsonAsync($"/api/warnings/{issued.Message.WarningId}")).Str("origin"));
    }
}

/// <summary>Auto-issuing, with the feed's poll for others' entries as slow as it may be: only a notification wakes it.</summary>
public sealed class SlowPollAutoIssueFactory : AutoIssueFactory
{
    public SlowPollAutoIssueFactory() => Settings["Warnings:FeedPollInterval"] = "00:01:00";
}

public sealed class HazardFeedTests(SlowPollAutoIssueFactory factory) : ServiceBusTests(factory), IClassFixture<SlowPollAutoIssueFactory>
{
    [Fact]
    public async Task A_warning_a_consumed_event_issues_wakes_the_feed_instead_of_waiting_for_its_poll()
    {
        var enterprise = Guid.NewGuid();
        await ClassifyAsync(enterprise, MajorHazardLevel.Level3);
        await using var feed = await SseClient.ConnectAsync(Client, "/api/warnings/feed?district=310116&type=chemical-release");
        var anomaly = HazardReactionTests.Anomaly(enterprise, enterprise) with { Latitude = 30.71, Longitude = 121.31 };

        await Bus.Bus.Publish(anomaly, ctx => ctx.MessageId = anomaly.EventId);

        // Well inside the minute the poll would take: the consumer's commit woke the feed.
        var issued = await feed.NextAsync(TimeSpan.FromSeconds(15));
        Assert.Equal("warning.issued", issued.Event);
        var data = JsonDocument.Parse(issued.Data).RootElement;
        Assert.Equal("chemical-release", data.Str("type"));
        Assert.Equal("30.71,121.31 1", data.Str("circle"));
    }
}
