using EmergencyOps.Testing;
using EmergencyOps.Testing.BadInput;
using static Shelters.API.Tests.ShelterTestData;

namespace Shelters.API.Tests;

/// <summary>The shared bad-input suite over every shelter-registry operation, against a real shelter.</summary>
public sealed class BadInputTests(SheltersFactory factory) : IClassFixture<SheltersFactory>
{
    [Fact]
    public async Task No_generated_bad_input_is_accepted_answered_5xx_or_changes_a_table()
    {
        using var client = factory.CreateClient();
        await ServiceChecks.AssertReadyAsync(client);
        var shelter = await client.RegisterAsync(Request("宝山体育中心"));

        var report = await BadInputSuite.RunAsync(client, factory.DatabaseConnectionString, "/api/shelters",
            (_, name) => name == "id" ? shelter.Id.ToString() : null);

        report.AssertClean(minOperations: 15, minRequests: 300);
    }
}
