using EmergencyOps.Testing;
using EmergencyOps.Testing.BadInput;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

/// <summary>The shared bad-input suite over every hazard-registry operation, against real enterprises, codes and units.</summary>
public sealed class BadInputTests(HazardsFactory factory) : IClassFixture<HazardsFactory>
{
    [Fact]
    public async Task No_generated_bad_input_is_accepted_answered_5xx_or_changes_a_table()
    {
        using var client = factory.CreateClient();
        await ServiceChecks.AssertReadyAsync(client);
        var enterprise = await client.RegisterAsync();
        var code = (await client.RegisterProductAsync(enterprise.Id)).Code;
        await client.ScanOkAsync(code, Scan("commissioning", enterprise.Id, 400));
        var unit = await client.DeclareAsync(enterprise.Id, Unit(10, (Chlorine, 10m)));
        var riskPoint = await client.AddRiskPointAsync(enterprise.Id, RiskTestData.RiskPoint(3, 6, 15));
        var filing = await client.FileAsync(enterprise.Id);
        var danger = await HiddenDangerTestData.ReportOkAsync(client, enterprise.Id, HiddenDangerTestData.Report("major", 7));

        var report = await BadInputSuite.RunAsync(client, factory.DatabaseConnectionString, "/api/hazards", (template, name) => (template, name) switch
        {
            (_, "id") => enterprise.Id.ToString(),
            (_, "unitId") => unit.UnitId.ToString(),
            (_, "riskPointId") => riskPoint.Id.ToString(),
            (_, "dangerId") => danger.Id.ToString(),
            (_, "version") => filing.Filing.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (var t, "code") when t.Contains("categories", StringComparison.Ordinal) => "W2",
            (_, "code") => code,
            (_, "cas") => "75-07-0",
            _ => null,
        });

        report.AssertClean(minOperations: 47, minRequests: 500);
    }
}
