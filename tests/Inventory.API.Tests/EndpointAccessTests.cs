using Inventory.API.Extensions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.API.Tests;

/// <summary>No inventory endpoint is public: each requires one of the service's scopes (the bindings are checked inside).</summary>
public sealed class EndpointAccessTests(InventoryFactory factory) : IClassFixture<InventoryFactory>
{
    [Fact]
    public void Every_inventory_endpoint_requires_a_scope_and_none_is_anonymous()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/inventory", StringComparison.Ordinal) == true).ToList();

        Assert.True(endpoints.Count >= 24, $"{endpoints.Count} inventory endpoints found");
        Assert.All(endpoints, e =>
        {
            Assert.Null(e.Metadata.GetMetadata<IAllowAnonymous>());
            var policies = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            Assert.True(policies.Count > 0 && policies.All(p => p is not null && InventoryPolicies.All.Contains(p)), $"{e.DisplayName}: {string.Join(", ", policies)}");
        });
    }
}
