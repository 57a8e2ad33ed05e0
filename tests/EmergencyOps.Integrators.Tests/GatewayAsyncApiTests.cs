using System.Net;
using EmergencyOps.Gateway.Extensions;
using EmergencyOps.Integrators.Tests.AsyncApi;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EmergencyOps.Integrators.Tests;

/// <summary>The gateway serves docs/asyncapi.yaml as it is in the repository, without a token.</summary>
public sealed class GatewayAsyncApiTests : IAsyncLifetime
{
    private WebApplicationFactory<GatewayOptions> _gateway = null!;

    public Task InitializeAsync()
    {
        _gateway = new WebApplicationFactory<GatewayOptions>().WithWebHostBuilder(web => web.UseEnvironment("Development"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Gateway_serves_the_asyncapi_document_as_yaml()
    {
        using var client = _gateway.CreateClient();

        using var response = await client.GetAsync(new Uri("/asyncapi.yaml", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/yaml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(ContractEvents.DocumentPath), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());

        using var again = new HttpRequestMessage(HttpMethod.Get, "/asyncapi.yaml");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var unchanged = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
    }
}
