using EmergencyOps.Testing;

namespace Hazards.API.Tests;

public sealed class OpenApiTests(HazardsFactory factory) : IClassFixture<HazardsFactory>
{
    [Fact]
    public async Task Every_hazards_operation_has_a_summary_and_every_request_body_an_example()
    {
        using var client = factory.CreateClient();

        var operations = await OpenApiChecks.AssertDescribedAsync(client, "/api/hazards", minOperations: 34, minBodies: 12);

        var register = operations.Single(o => o.Path == "/api/hazards/enterprises" && o.Method == "post");
        Assert.Equal("91310116MA1J8K3X7T", register.Example.GetProperty("creditCode").GetString());
        var riskPoint = operations.Single(o => o.Path == "/api/hazards/enterprises/{id}/risk-points" && o.Method == "post");
        Assert.Equal((3m, 6m, 15m), (riskPoint.Example.GetProperty("l").GetDecimal(), riskPoint.Example.GetProperty("e").GetDecimal(), riskPoint.Example.GetProperty("c").GetDecimal()));
        var review = operations.Single(o => o.Path == "/api/hazards/enterprises/{id}/risk-lists/{version}/review" && o.Method == "post");
        Assert.Equal("hazards:supervise", review.Operation.GetProperty("security")[0].GetProperty("oauth2")[0].GetString());
    }

    [Fact]
    public async Task Every_request_property_and_query_parameter_declares_its_limits()
    {
        using var client = factory.CreateClient();

        var missing = await ContractLimits.MissingAsync(client);

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }
}
