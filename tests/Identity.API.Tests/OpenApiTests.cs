using System.Net;
using System.Net.Http.Json;
using EmergencyOps.Identity.Client;
using EmergencyOps.Testing;

namespace Identity.API.Tests;

public sealed class OpenApiTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    [Fact]
    public async Task The_registration_examples_name_a_unit_and_register_as_documented()
    {
        using var client = factory.CreateClient();
        var operations = await OpenApiChecks.AssertDescribedAsync(client, "/api/identity", minOperations: 10, minBodies: 2);
        var clientExample = operations.Single(o => o.Path == "/api/identity/clients" && o.Method == "post").Example;
        var personExample = operations.Single(o => o.Path == "/api/identity/people" && o.Method == "post").Example;
        Assert.Equal(("responder", "上海城投水务(集团)有限公司"), (clientExample.GetProperty("role").GetString(), clientExample.GetProperty("unit").GetString()));
        Assert.Equal(("310101", "黄浦区应急管理局"), (personExample.GetProperty("binding").GetString(), personExample.GetProperty("unit").GetString()));

        using var tokens = factory.Tokens();
        client.DefaultRequestHeaders.Authorization = TokenSource.Bearer(await tokens.GetAsync("admin"));
        using var registeredClient = await client.PostAsJsonAsync("/api/identity/clients", clientExample);
        using var registeredPerson = await client.PostAsJsonAsync("/api/identity/people", personExample);
        Assert.Equal(HttpStatusCode.Created, registeredClient.StatusCode);
        Assert.Equal(HttpStatusCode.Created, registeredPerson.StatusCode);
    }

    [Fact]
    public async Task Every_request_field_declares_its_limits()
    {
        using var client = factory.CreateClient();

        Assert.Empty(await ContractLimits.MissingAsync(client));
    }
}
