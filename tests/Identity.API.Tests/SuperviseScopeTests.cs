using System.Text.Json;
using EmergencyOps.Testing;
using Identity.API.Model;

namespace Identity.API.Tests;

/// <summary><c>hazards:supervise</c> (reviewing enterprises' filed risk lists) belongs to regulators and administrators only.</summary>
public sealed class SuperviseScopeTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    [Fact]
    public void Only_regulators_and_administrators_hold_the_supervise_scope()
    {
        Assert.Equal([Roles.Admin, Roles.Regulator], Roles.All.Where(r => r.Scopes.Contains(Roles.SuperviseScope)).Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Contains(Roles.SuperviseScope, Roles.Scopes);
        Assert.DoesNotContain(Roles.SuperviseScope, Roles.Find(Roles.Enterprise)!.Scopes);
        Assert.DoesNotContain(Roles.SuperviseScope, Roles.Find(Roles.EnterpriseUser)!.Scopes);
    }

    [Fact]
    public async Task The_server_announces_it_and_an_administrators_token_carries_it()
    {
        using var client = factory.CreateClient();
        var discovery = JsonDocument.Parse(await client.GetStringAsync("/.well-known/openid-configuration")).RootElement;
        using var tokens = factory.Tokens();
        var signedIn = await tokens.SignInAsync("admin", IdentityFactory.Passwords["admin"], null, default);

        Assert.Contains(Roles.SuperviseScope, discovery.GetProperty("scopes_supported").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains(Roles.SuperviseScope, Jwt.Values(Jwt.Payload(signedIn.GetProperty("access_token").GetString()!), "scope"));
    }
}
