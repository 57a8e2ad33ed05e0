using EmergencyOps.Testing;

namespace Warnings.API.Tests;

public sealed class OpenApiTests(WarningsFactory factory) : IClassFixture<WarningsFactory>
{
    [Fact]
    public async Task Every_warnings_operation_has_a_summary_and_every_request_body_an_example()
    {
        using var client = factory.CreateClient();

        var operations = await OpenApiChecks.AssertDescribedAsync(client, "/api/warnings", minOperations: 20, minBodies: 9);

        var issue = operations.Single(o => o.Path == "/api/warnings" && o.Method == "post").Example;
        Assert.Equal("typhoon", issue.GetProperty("type").GetString());
        Assert.Equal("310115", issue.GetProperty("area").GetProperty("districtCodes")[0].GetString());
        var disposition = operations.Single(o => o.Path == "/api/warnings/{id}/dispositions").Example;
        Assert.Equal("inProgress", disposition.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Every_request_property_and_query_parameter_declares_its_limits()
    {
        using var client = factory.CreateClient();

        var missing = await ContractLimits.MissingAsync(client);

        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }
}
