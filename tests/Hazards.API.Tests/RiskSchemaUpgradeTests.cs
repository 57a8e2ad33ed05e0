using System.Net.Http.Json;
using EmergencyOps.Testing;
using static Hazards.API.Tests.HazardTestData;
using static Hazards.API.Tests.RiskTestData;

namespace Hazards.API.Tests;

/// <summary>A database made by a build before risk grading gains the risk tables when the service starts on it, data kept.</summary>
public sealed class RiskSchemaUpgradeTests
{
    private static readonly string[] RiskTables = ["RiskListItems", "RiskLists", "RiskPoints"];

    [Fact]
    public async Task An_earlier_builds_database_gains_the_risk_tables_at_start()
    {
        await using var upgraded = await EarlierDatabase.WithoutAsync(RiskTables);
        var enterprise = upgraded.Enterprise;
        using var after = upgraded.CreateClient();
        await ServiceChecks.AssertReadyAsync(after);

        var point = await after.AddRiskPointAsync(enterprise.Id, RiskPoint(3, 6, 15));
        var filed = await after.FileAsync(enterprise.Id);
        Assert.Equal(point.Id, Assert.Single(filed.Items).RiskPointId);
        Assert.Equal(enterprise.Name, (await after.GetFromJsonAsync<Hazards.API.Model.EnterpriseResponse>($"/api/hazards/enterprises/{enterprise.Id}", Json))!.Name);
    }
}
