using System.Text.Json;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Warnings.API.Tests.WarningTestData;

namespace Warnings.API.Tests;

/// <summary>
/// A 一级 or 二级 source graded in a district under a warning in force, over the real RabbitMQ: a chemical-release
/// suggestion for its place, once; nothing for lesser grades, exercises, districts without a warning, or a lowering.
/// </summary>
public sealed class HazardSiteReactionTests(WarningsFactory factory) : ServiceBusTests(factory), IClassFixture<WarningsFactory>
{
    private const string Minhang = "310112";
    private const string Baoshan = "310113";

    private static MajorHazardSourceClassified Classified(string unit, string district, MajorHazardLevel level, double lat, double lon) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, "hazards", Guid.NewGuid(), Guid.NewGuid(), unit, Guid.NewGuid(), "上海某化工有限公司",
        district, lat, lon, 3.2m, level == MajorHazardLevel.Level1 ? 120m : 64m, level, ["7782-50-5"]);

    private async Task<List<JsonElement>> SuggestionsForAsync(string unit) =>
        [.. (await Client.GetJsonAsync("/api/warnings/suggestions")).EnumerateArray().Where(s => s.Str("reason").Contains(unit, StringComparison.Ordinal))];

    /// <summary>Publishes an event and returns once its consumer committed (its inbox row exists): a barrier, whatever the order.</summary>
    private async Task HandledAsync<T>(T message) where T : class, EmergencyOps.Contracts.IIntegrationEvent
    {
        await Bus.Bus.Publish(message, ctx => ctx.MessageId = message.EventId);
        await Eventually.TrueAsync(async () =>
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Warnings.API.Infrastructure.WarningsContext>();
            return await db.Set<EmergencyOps.Messaging.Inbox.InboxMessage>().AnyAsync(m => m.MessageId == message.EventId);
        }, $"{typeof(T).Name} {message.EventId} handled");
    }

    [Fact]
    public async Task A_level1_source_graded_under_a_typhoon_warning_suggests_a_red_chemical_release_warning_around_it_once()
    {
        await Client.IssueAsync(Typhoon(level: "orange", districts: [Jinshan]));
        var classified = Classified("液氯储罐区A", Jinshan, MajorHazardLevel.Level1, 30.7260, 121.3320);

        await HandledAsync(classified);
        // A redelivery and a re-evaluation at the same grade add nothing.
        await Bus.Bus.Publish(classified, ctx => ctx.MessageId = classified.EventId);
        await HandledAsync(classified with { EventId = Guid.NewGuid() });

        var s = Assert.Single(await SuggestionsForAsync(classified.UnitName));
        Assert.Equal(("issue", "chemical-release", "red"), (s.Str("kind"), s.Str("warningType"), s.Str("level")));
        Assert.Equal("30.726,121.332 1", s.Str("circle"));
        Assert.Equal([Jinshan], s.GetProperty("districtCodes").EnumerateArray().Select(d => d.GetString()));
        Assert.Contains("上海某化工有限公司 液氯储罐区A认定为一级重大危险源（R = 120），位于生效中的“上海市台风橙色预警”范围内", s.Str("reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lesser_grades_exercises_districts_without_a_warning_and_lowerings_suggest_nothing_and_a_raise_to_level2_does()
    {
        await Client.IssueAsync(Typhoon(level: "orange", districts: [Fengxian]));
        await Client.IssueAsync(Typhoon(level: "orange", districts: [Minhang], status: "Exercise"));
        var level3 = Classified("三级储罐区", Fengxian, MajorHazardLevel.Level3, 30.91, 121.47);
        var drill = Classified("演练区储罐区", Minhang, MajorHazardLevel.Level1, 31.11, 121.38);
        var quiet = Classified("无预警区储罐区", Baoshan, MajorHazardLevel.Level1, 31.40, 121.48);
        foreach (var message in new[] { level3, drill, quiet })
        {
            await HandledAsync(message);
        }
        Assert.Empty(await SuggestionsForAsync(level3.UnitName));
        Assert.Empty(await SuggestionsForAsync(drill.UnitName));
        Assert.Empty(await SuggestionsForAsync(quiet.UnitName));

        // Raised from 三级 to 二级: suggested, orange. Lowered back to 三级 and raised to 二级 again: still the one open suggestion.
        await HandledAsync(Changed(level3, MajorHazardLevel.Level2, MajorHazardLevel.Level3));
        Assert.Single(await SuggestionsForAsync(level3.UnitName));
        await HandledAsync(Changed(level3, MajorHazardLevel.Level3, MajorHazardLevel.Level2));
        await HandledAsync(Changed(level3, MajorHazardLevel.Level2, MajorHazardLevel.Level3));
        var s = Assert.Single(await SuggestionsForAsync(level3.UnitName));
        Assert.Equal("orange", s.Str("level"));
        Assert.Contains("认定为二级重大危险源", s.Str("reason"), StringComparison.Ordinal);
    }

    private static MajorHazardLevelChanged Changed(MajorHazardSourceClassified unit, MajorHazardLevel level, MajorHazardLevel previous) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, "hazards", Guid.NewGuid(), unit.UnitId, unit.EnterpriseId, unit.DistrictCode, 3.2m, 64m, level, previous);
}
