using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.Identity.Client;
using EmergencyOps.Testing;

namespace Identity.API.Tests;

public sealed class TokenTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    [Fact]
    public async Task A_client_token_carries_its_role_binding_scopes_and_the_systems_audiences()
    {
        using var tokens = factory.Tokens();
        var token = await tokens.GetAsync("warehouse-a");

        var header = Jwt.Header(token);
        var payload = Jwt.Payload(token);
        Assert.Equal("at+jwt", header.GetProperty("typ").GetString());
        Assert.True(header.TryGetProperty("kid", out _));
        Assert.Equal("http://localhost/", payload.GetProperty("iss").GetString());
        Assert.Equal("warehouse-a", payload.GetProperty("sub").GetString());
        Assert.Equal("浦东新区北片区域库(高桥)", payload.GetProperty("name").GetString());
        Assert.Equal("warehouse", payload.GetProperty("role").GetString());
        Assert.Equal("PD-R-N", payload.GetProperty("warehouse_id").GetString());
        Assert.Equal(["inventory:read", "inventory:write-own-stock"], Jwt.Values(payload, "scope").Order());
        Assert.Equal(["hazards", "identity", "inventory", "shelters", "warnings", "webhooks"], Jwt.Values(payload, "aud").Order());
        Assert.Equal(15 * 60, payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64());
    }

    [Fact]
    public async Task Asking_for_fewer_scopes_narrows_the_token_and_a_scope_the_role_lacks_is_refused()
    {
        using var tokens = factory.Tokens();
        var narrow = await tokens.ClientCredentialsAsync("warehouse-a", IdentityFactory.ClientSecrets["warehouse-a"], "inventory:read", default);
        Assert.Equal(["inventory:read"], Jwt.Values(Jwt.Payload(narrow.GetProperty("access_token").GetString()!), "scope"));

        var refused = await Assert.ThrowsAsync<TokenRefusedException>(() =>
            tokens.ClientCredentialsAsync("warehouse-a", IdentityFactory.ClientSecrets["warehouse-a"], "inventory:manage", default));
        Assert.Equal(400, refused.Status);
        Assert.Equal("invalid_request", refused.Body.GetProperty("error").GetString());
        Assert.Contains("not allowed to use the specified scope", refused.Body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_secret_or_an_unknown_client_gets_no_token()
    {
        using var tokens = factory.Tokens();
        var wrong = await Assert.ThrowsAsync<TokenRefusedException>(() => tokens.ClientCredentialsAsync("warehouse-a", "not-the-secret", null, default));
        Assert.Equal("invalid_client", wrong.Body.GetProperty("error").GetString());
        var unknown = await Assert.ThrowsAsync<TokenRefusedException>(() => tokens.ClientCredentialsAsync("nobody", "whatever-secret", null, default));
        Assert.Equal("invalid_client", unknown.Body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_person_signs_in_with_code_and_pkce_and_each_refresh_token_works_once()
    {
        using var tokens = factory.Tokens();
        var signedIn = await tokens.SignInAsync("duty1", IdentityFactory.Passwords["duty1"], null, default);
        var payload = Jwt.Payload(signedIn.GetProperty("access_token").GetString()!);
        Assert.Equal("张伟", payload.GetProperty("name").GetString());
        Assert.Equal("duty-officer", payload.GetProperty("role").GetString());
        Assert.Contains("warnings:sign-off", Jwt.Values(payload, "scope"));
        // The operations centre records acknowledgements on any unit's behalf, so it is bound to none.
        Assert.Contains("warnings:respond", Jwt.Values(payload, "scope"));
        Assert.False(payload.TryGetProperty("unit", out _));
        Assert.DoesNotContain("warnings:admin", Jwt.Values(payload, "scope"));
        Assert.Equal(["hazards", "identity", "inventory", "shelters", "warnings", "webhooks"], Jwt.Values(payload, "aud").Order());

        var first = signedIn.GetProperty("refresh_token").GetString()!;
        var refreshed = await tokens.RefreshAsync(first, default);
        Assert.NotEqual(first, refreshed.GetProperty("refresh_token").GetString());
        Assert.Equal("张伟", Jwt.Payload(refreshed.GetProperty("access_token").GetString()!).GetProperty("name").GetString());

        // Rotation: the used refresh token is spent; presenting it again is refused.
        var reused = await Assert.ThrowsAsync<TokenRefusedException>(() => tokens.RefreshAsync(first, default));
        Assert.Equal("invalid_grant", reused.Body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_discovery_document_names_the_public_issuer_and_the_flows()
    {
        using var client = factory.CreateClient();
        var discovery = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        Assert.Equal("http://localhost/", discovery.GetProperty("issuer").GetString());
        Assert.Equal(["authorization_code", "client_credentials", "refresh_token"],
            discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()).Order());
        Assert.Contains("S256", discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(g => g.GetString()));
        using var keys = await client.GetAsync(new Uri(discovery.GetProperty("jwks_uri").GetString()!).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
    }
}
