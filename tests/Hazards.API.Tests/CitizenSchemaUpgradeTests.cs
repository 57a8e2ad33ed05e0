using System.Net.Http.Json;
using EmergencyOps.Testing;
using static Hazards.API.Tests.CitizenTestData;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

/// <summary>A database made before enterprise codes gains their tables at start, and its enterprises their codes.</summary>
public sealed class CitizenSchemaUpgradeTests
{
    private static readonly string[] Tables = ["CitizenReports", "EnterpriseCodes", "HiddenDangerPhotos"];

    [Fact]
    public async Task An_earlier_builds_database_gains_the_citizen_tables_and_every_enterprise_its_code_at_start()
    {
        await using var upgraded = await EarlierDatabase.WithoutAsync(Tables);
        var enterprise = upgraded.Enterprise;
        using var citizen = upgraded.Citizen();
        using var after = upgraded.CreateClient();
        await ServiceChecks.AssertReadyAsync(after);

        // The code is in the table before anyone asks the enterprise for it: the public page resolves at once.
        var code = Hazards.API.Model.EnterpriseCodes.Derive(enterprise.Id);
        var info = await citizen.GetFromJsonAsync<Hazards.API.Model.PublicEnterpriseInformation>($"/api/hazards/enterprise-codes/{code}/public", Json);
        Assert.Equal(enterprise.Name, info!.Name);
        var receipt = await citizen.ReportOkAsync(code, Report(Hazards.API.Apis.HazardExamples.TinyPng));
        Assert.Equal(Hazards.API.Model.HiddenDangerState.Reported, (await citizen.ReceiptAsync(receipt.Receipt)).State);
    }
}
