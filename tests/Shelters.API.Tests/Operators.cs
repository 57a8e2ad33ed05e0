using System.Net;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.Testing;
using Shelters.API.Model;

namespace Shelters.API.Tests;

/// <summary>Callers as the identity service issues them to district operators, through the development scheme's headers.</summary>
internal static class Operators
{
    /// <summary>The shelter scopes of the district-operator role (src/Identity.API/Model/Roles.cs).</summary>
    public const string OperatorScopes = "shelters:read shelters:operate shelters:inspect";

    /// <summary>A client whose token binds it to <paramref name="district"/>, with an operator's scopes unless told otherwise.</summary>
    public static HttpClient OperatorOf(this SheltersFactory factory, string district, string? scopes = OperatorScopes)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.UserHeader, $"operator of {district}");
        client.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.BindingHeader, $"{IdentityClaims.District}={district}");
        if (scopes is not null)
        {
            client.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.ScopesHeader, scopes);
        }
        return client;
    }

    /// <summary>Asserts the 403 problem of a bound caller: it names the shelter asked for and the caller's own district.</summary>
    public static async Task AssertNotYoursAsync(this HttpResponseMessage response, ShelterResponse shelter, string district) =>
        await response.AssertNotYoursAsync(shelter.Id.ToString(), district, shelter.Name);

    public static async Task AssertNotYoursAsync(this HttpResponseMessage response, string record, string district, string? name = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{(int)response.StatusCode}: {body}");
        var problem = await response.ProblemAsync();
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.Equal("Not your district", problem.GetProperty("title").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains(record, detail, StringComparison.Ordinal);
        Assert.Contains($"district {district}", detail, StringComparison.Ordinal);
        if (name is not null) Assert.Contains(name, detail, StringComparison.Ordinal);
        Assert.Equal([district], problem.GetProperty(IdentityClaims.District).EnumerateArray().Select(e => e.GetString()));
    }
}
