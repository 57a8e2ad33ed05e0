using EmergencyOps.Testing;

namespace Inventory.API.Tests;

public sealed class OpenApiTests(InventoryFactory factory) : IClassFixture<InventoryFactory>
{
    [Fact]
    public async Task Every_inventory_operation_has_a_summary_and_every_request_body_an_example()
    {
        using var client = factory.CreateClient();

        var operations = await OpenApiChecks.AssertDescribedAsync(client, "/api/inventory", minOperations: 24, minBodies: 8);

        var correct = operations.Single(o => o.Path == "/api/inventory/warehouses/{id}" && o.Method == "put");
        Assert.Equal("310115", correct.Example.GetProperty("districtCode").GetString());
        Assert.Contains(operations, o => o.Path == "/api/inventory/warehouses/{id}" && o.Method == "delete");
    }

    [Fact]
    public async Task Every_request_property_and_query_parameter_declares_its_limits()
    {
        using var client = factory.CreateClient();

        var missing = await ContractLimits.MissingAsync(client);

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }
}
