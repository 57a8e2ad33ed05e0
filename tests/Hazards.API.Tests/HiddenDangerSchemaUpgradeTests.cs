using System.Net.Http.Json;
using EmergencyOps.Testing;
using static Hazards.API.Tests.HazardTestData;
using static Hazards.API.Tests.HiddenDangerTestData;

namespace Hazards.API.Tests;

/// <summary>A database made by a build before hidden dangers gains their tables, and the seeded criteria, when the service starts on it.</summary>
public sealed class HiddenDangerSchemaUpgradeTests
{
    private static readonly string[] Tables = ["HiddenDangerSteps", "HiddenDangers", "MajorDangerCriteria"];

    [Fact]
    public async Task An_earlier_builds_database_gains_the_hidden_danger_tables_at_start()
    {
        await using var upgraded = await EarlierDatabase.WithoutAsync(Tables);
        var enterprise = upgraded.Enterprise;
        using var after = upgraded.CreateClient();
        await ServiceChecks.AssertReadyAsync(after);

        var danger = await after.ReportOkAsync(enterprise.Id, Report("general", 7));
        Assert.Equal(Hazards.API.Model.HiddenDangerState.Verified, danger.State);
        Assert.Equal(7, Assert.Single(danger.Criteria).Number);
        Assert.Equal(20, (await after.GetFromJsonAsync<List<Hazards.API.Model.MajorDangerCriterionResponse>>("/api/hazards/major-danger-criteria", Json))!.Count);
    }
}
