using EmergencyOps.Testing;
using EmergencyOps.Testing.BadInput;
using static Hazards.API.Tests.CitizenTestData;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

/// <summary>The shared bad-input suite over every hazard-registry operation, against real enterprises, codes and units.</summary>
public sealed class BadInputTests(GenerousLimitFactory factory) : IClassFixture<GenerousLimitFactory>
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
        var enterpriseCode = (await client.EnterpriseCodeAsync(enterprise.Id)).Code;
        var receipt = (await factory.Citizen().ReportOkAsync(enterpriseCode)).Receipt;

        var report = await BadInputSuite.RunAsync(client, factory.DatabaseConnectionString, "/api/hazards", (template, name) => (template, name) switch
        {
            (_, "id") => enterprise.Id.ToString(),
            (_, "unitId") => unit.UnitId.ToString(),
            (_, "riskPointId") => riskPoint.Id.ToString(),
            (_, "dangerId") => danger.Id.ToString(),
            (_, "version") => filing.Filing.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (var t, "code") when t.Contains("categories", StringComparison.Ordinal) => "W2",
            (var t, "code") when t.Contains("enterprise-codes", StringComparison.Ordinal) => enterpriseCode,
            (_, "receipt") => receipt,
            (_, "n") => "1",
            (_, "code") => code,
            (_, "cas") => "75-07-0",
            _ => null,
        });

        report.AssertClean(minOperations: 53, minRequests: 500);
    }
}
