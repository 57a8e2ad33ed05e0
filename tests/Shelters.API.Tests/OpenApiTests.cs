using System.Text.Json;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Testing;
using Shelters.API.Model;

namespace Shelters.API.Tests;

public sealed class OpenApiTests(SheltersFactory factory) : IClassFixture<SheltersFactory>
{
    [Fact]
    public async Task Every_shelters_operation_has_a_summary_and_every_request_body_an_example()
    {
        using var client = factory.CreateClient();

        var operations = await OpenApiChecks.AssertDescribedAsync(client, "/api/shelters", minOperations: 15, minBodies: 5);

        var correction = operations.Single(o => o.Path == "/api/shelters/{id}" && o.Method == "put").Example;
        Assert.Equal("310115", correction.GetProperty("districtCode").GetString());
        Assert.Equal("central", correction.GetProperty("grade").GetString());
        Assert.Single(operations, o => o.Path == "/api/shelters/{id}" && o.Method == "delete");
    }

    [Fact]
    public async Task Every_request_field_and_query_parameter_declares_its_limits()
    {
        using var client = factory.CreateClient();

        var missing = await ContractLimits.MissingAsync(client);

        Assert.Empty(missing);
    }

    [Fact]
    public async Task The_documented_facility_and_hazard_names_are_the_ones_the_service_knows()
    {
        using var client = factory.CreateClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        var facilities = document.GetProperty("components").GetProperty("schemas").GetProperty("RegisterShelterRequest")
            .GetProperty("properties").GetProperty("facilities").GetProperty("items").GetProperty("enum");
        var suitableFor = document.GetProperty("paths").GetProperty("/api/shelters").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Single(p => p.GetProperty("name").GetString() == "suitableFor").GetProperty("schema").GetProperty("enum");

        Assert.Equal(Facilities.All, facilities.EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(WarningTypes.All, suitableFor.EnumerateArray().Select(e => e.GetString()));
    }
}
