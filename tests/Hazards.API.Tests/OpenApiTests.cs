using EmergencyOps.Testing;

namespace Hazards.API.Tests;

public sealed class OpenApiTests(HazardsFactory factory) : IClassFixture<HazardsFactory>
{
    [Fact]
    public async Task Every_hazards_operation_has_a_summary_and_every_request_body_an_example()
    {
        using var client = factory.CreateClient();

        var operations = await OpenApiChecks.AssertDescribedAsync(client, "/api/hazards", minOperations: 50, minBodies: 19);

        var register = operations.Single(o => o.Path == "/api/hazards/enterprises" && o.Method == "post");
        Assert.Equal("91310116MA1J8K3X7T", register.Example.GetProperty("creditCode").GetString());
        var riskPoint = operations.Single(o => o.Path == "/api/hazards/enterprises/{id}/risk-points" && o.Method == "post");
        Assert.Equal((3m, 6m, 15m), (riskPoint.Example.GetProperty("l").GetDecimal(), riskPoint.Example.GetProperty("e").GetDecimal(), riskPoint.Example.GetProperty("c").GetDecimal()));
        var review = operations.Single(o => o.Path == "/api/hazards/enterprises/{id}/risk-lists/{version}/review" && o.Method == "post");
        Assert.Equal("hazards:supervise", review.Operation.GetProperty("security")[0].GetProperty("oauth2")[0].GetString());
        var report = operations.Single(o => o.Path == "/api/hazards/enterprises/{id}/hidden-dangers" && o.Method == "post");
        Assert.Equal(7, report.Example.GetProperty("criteria")[0].GetInt32());
        // The enterprise's own report or a regulator's: two security requirements, which OpenAPI reads as either one.
        Assert.Equal(["hazards:supervise", "hazards:write-own"],
            report.Operation.GetProperty("security").EnumerateArray().Select(r => r.GetProperty("oauth2").EnumerateArray().Single().GetString()));
        var plan = operations.Single(o => o.Path == "/api/hazards/hidden-dangers/{dangerId}/plan" && o.Method == "post");
        Assert.Equal("2027-03-31T17:00:00+08:00", plan.Example.GetProperty("deadline").GetString());
        var listing = operations.Single(o => o.Path == "/api/hazards/hidden-dangers/{dangerId}/listing" && o.Method == "post");
        Assert.Equal("hazards:supervise", listing.Operation.GetProperty("security")[0].GetProperty("oauth2")[0].GetString());
        // A citizen's report needs no token: no security requirement, and an example with a photo.
        var citizen = operations.Single(o => o.Path == "/api/hazards/enterprise-codes/{code}/hidden-dangers" && o.Method == "post");
        Assert.False(citizen.Operation.TryGetProperty("security", out var none) && none.GetArrayLength() > 0);
        Assert.Equal("13812345678", citizen.Example.GetProperty("contactPhone").GetString());
        Assert.Single(citizen.Example.GetProperty("photos").EnumerateArray());
        // A cached resolution goes out as the bytes stored; the document still describes both answers by their types.
        Assert.Equal("#/components/schemas/CodeResolution", OkSchema(operations.Single(o => o.Path == "/api/hazards/codes/{code}" && o.Method == "get")));
        Assert.Equal("#/components/schemas/PublicCodeInformation", OkSchema(operations.Single(o => o.Path == "/api/hazards/codes/{code}/public" && o.Method == "get")));
    }

    private static string? OkSchema(DescribedOperation operation) =>
        operation.Operation.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json")
            .GetProperty("schema").GetProperty("$ref").GetString();

    [Fact]
    public async Task Every_request_property_and_query_parameter_declares_its_limits()
    {
        using var client = factory.CreateClient();

        var missing = await ContractLimits.MissingAsync(client);

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }
}
