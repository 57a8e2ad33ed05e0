using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.Identity.Client;
using EmergencyOps.Testing;

namespace Identity.API.Tests;

public sealed class ClientAdminTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    private async Task<HttpClient> AdminAsync()
    {
        using var tokens = factory.Tokens();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = TokenSource.Bearer(await tokens.GetAsync("admin"));
        return client;
    }

    [Fact]
    public async Task An_admin_registers_a_client_whose_secret_is_shown_once_and_works()
    {
        using var admin = await AdminAsync();
        using var created = await admin.PostAsJsonAsync("/api/identity/clients",
            new { clientId = "enterprise-jscy", displayName = "上海金山石化危化品储运有限公司", role = "enterprise", binding = "91310116MA1J8K3X7T" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var secret = body.GetProperty("clientSecret").GetString()!;
        Assert.True(secret.Length >= 40);
        Assert.Equal("enterprise", body.GetProperty("client").GetProperty("role").GetString());

        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/identity/clients");
        var row = listed.EnumerateArray().Single(c => c.GetProperty("clientId").GetString() == "enterprise-jscy");
        Assert.False(row.TryGetProperty("clientSecret", out _));
        Assert.Equal("91310116MA1J8K3X7T", row.GetProperty("binding").GetString());

        using var tokens = factory.Tokens();
        var token = await tokens.ClientCredentialsAsync("enterprise-jscy", secret, null, default);
        var payload = Jwt.Payload(token.GetProperty("access_token").GetString()!);
        Assert.Equal("91310116MA1J8K3X7T", payload.GetProperty("enterprise_id").GetString());
    }

    [Fact]
    public async Task A_disabled_client_gets_no_token_until_enabled_and_a_rotated_secret_replaces_the_old_one()
    {
        using var admin = await AdminAsync();
        using var created = await admin.PostAsJsonAsync("/api/identity/clients", new { clientId = "integrator-x", displayName = "地铁调度", role = "integrator" });
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;
        using var tokens = factory.Tokens();

        using var disabled = await admin.PostAsync("/api/identity/clients/integrator-x/disable", null);
        Assert.True((await disabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("disabled").GetBoolean());
        var refused = await Assert.ThrowsAsync<TokenRefusedException>(() => tokens.ClientCredentialsAsync("integrator-x", secret, null, default));
        Assert.InRange(refused.Status, 400, 403);

        using var enabled = await admin.PostAsync("/api/identity/clients/integrator-x/enable", null);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        await tokens.ClientCredentialsAsync("integrator-x", secret, null, default);

        using var rotated = await admin.PostAsync("/api/identity/clients/integrator-x/secret", null);
        var newSecret = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;
        Assert.NotEqual(secret, newSecret);
        var old = await Assert.ThrowsAsync<TokenRefusedException>(() => tokens.ClientCredentialsAsync("integrator-x", secret, null, default));
        Assert.Equal("invalid_client", old.Body.GetProperty("error").GetString());
        await tokens.ClientCredentialsAsync("integrator-x", newSecret, null, default);
    }

    [Fact]
    public async Task Registrations_that_break_the_rules_are_refused_naming_the_field_and_change_nothing()
    {
        using var admin = await AdminAsync();
        (object Body, string Field, HttpStatusCode Status)[] cases =
        [
            (new { clientId = "Bad Id", displayName = "x", role = "integrator" }, "clientId", HttpStatusCode.BadRequest),
            (new { clientId = "w-1", displayName = "x", role = "duty-officer" }, "role", HttpStatusCode.BadRequest),
            (new { clientId = "w-2", displayName = "x", role = "warehouse" }, "binding", HttpStatusCode.BadRequest),
            (new { clientId = "w-3", displayName = "x", role = "integrator", binding = "310115" }, "binding", HttpStatusCode.BadRequest),
            (new { clientId = "w-4", displayName = "x", role = "warehouse", binding = "../etc/passwd" }, "binding", HttpStatusCode.BadRequest),
            (new { clientId = "warehouse-a", displayName = "again", role = "warehouse", binding = "PD-R-N" }, "clientId", HttpStatusCode.Conflict),
        ];
        foreach (var (body, field, status) in cases)
        {
            using var response = await admin.PostAsJsonAsync("/api/identity/clients", body);
            await response.FieldProblemAsync(field, status);
        }
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/identity/clients");
        Assert.DoesNotContain(listed.EnumerateArray(), c => c.GetProperty("clientId").GetString()!.StartsWith("w-", StringComparison.Ordinal));
        Assert.Equal("浦东新区北片区域库(高桥)", listed.EnumerateArray().Single(c => c.GetProperty("clientId").GetString() == "warehouse-a").GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Without_a_token_the_administration_api_answers_401_and_without_the_admin_scope_403()
    {
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/identity/clients")).StatusCode);

        // A duty officer is known but holds no identity:admin.
        using var tokens = factory.Tokens();
        using var duty = factory.CreateClient();
        duty.DefaultRequestHeaders.Authorization = TokenSource.Bearer(await tokens.GetAsync("duty1"));
        Assert.Equal(HttpStatusCode.Forbidden, (await duty.GetAsync("/api/identity/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await duty.PostAsync("/api/identity/clients/warehouse-a/disable", null)).StatusCode);
        Assert.False((await (await AdminAsync()).GetFromJsonAsync<JsonElement>("/api/identity/clients/warehouse-a")).GetProperty("disabled").GetBoolean());
    }

    [Fact]
    public async Task An_admin_registers_and_disables_a_person_whose_refresh_token_then_stops_working()
    {
        using var admin = await AdminAsync();
        using var created = await admin.PostAsJsonAsync("/api/identity/people",
            new { userName = "district-pd", displayName = "王芳", password = "district-pd-password-1", role = "district-operator", binding = "310115" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var tokens = factory.Tokens();
        var signedIn = await tokens.SignInAsync("district-pd", "district-pd-password-1", null, default);
        Assert.Equal("310115", Jwt.Payload(signedIn.GetProperty("access_token").GetString()!).GetProperty("district").GetString());

        using var disabled = await admin.PostAsync("/api/identity/people/district-pd/disable", null);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        var refused = await Assert.ThrowsAsync<TokenRefusedException>(() => tokens.RefreshAsync(signedIn.GetProperty("refresh_token").GetString()!, default));
        Assert.Equal("invalid_grant", refused.Body.GetProperty("error").GetString());
        await Assert.ThrowsAsync<InvalidOperationException>(() => tokens.SignInAsync("district-pd", "district-pd-password-1", null, default));

        using var weak = await admin.PostAsJsonAsync("/api/identity/people", new { userName = "x", displayName = "x", password = "short", role = "regulator" });
        await TestJson.FieldProblemAsync(weak, "password");
    }
}
