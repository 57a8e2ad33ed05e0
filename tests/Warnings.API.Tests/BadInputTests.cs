using System.Net.Http.Json;
using EmergencyOps.Testing;
using EmergencyOps.Testing.BadInput;
using static Warnings.API.Tests.WarningTestData;

namespace Warnings.API.Tests;

/// <summary>The shared bad-input suite over every warnings operation, against a real warning and threshold.</summary>
public sealed class BadInputTests(WarningsFactory factory) : IClassFixture<WarningsFactory>
{
    [Fact]
    public async Task No_generated_bad_input_is_accepted_answered_5xx_or_changes_a_table()
    {
        using var client = factory.CreateClient();
        // An accepted request to the live feed would stream until this cuts it short, and be reported.
        client.Timeout = TimeSpan.FromSeconds(30);
        await ServiceChecks.AssertReadyAsync(client);
        // No responsible units: the overdue sweep must not change tables while the suite compares them.
        var warning = (await client.IssueAsync(Typhoon(level: "blue", units: []))).Id();
        using (var threshold = await client.PutAsJsonAsync("/api/warnings/thresholds/rainfall-1h", new
        {
            warningType = "rainstorm", unit = "mm", blue = 20, yellow = 35, orange = 50, red = 80, hysteresis = 5, holdMinutes = 60, autoDowngrade = false,
        }))
        {
            threshold.EnsureSuccessStatusCode();
        }

        var report = await BadInputSuite.RunAsync(client, factory.DatabaseConnectionString, "/api/warnings", (_, name) => name switch
        {
            "id" => warning.ToString(),
            "indicator" => "rainfall-1h",
            "version" => "1",
            _ => null,
        });

        report.AssertClean(minOperations: 20, minRequests: 400);
    }
}
