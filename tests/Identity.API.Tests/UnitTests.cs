using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.Identity.Client;
using EmergencyOps.Testing;
using Identity.API.Model;

namespace Identity.API.Tests;

/// <summary>
/// The responsible unit (责任单位) a person or client answers for in the warnings' closed loop: who may carry one, who
/// must, and that every token of its holder names it.
/// </summary>
public sealed class UnitTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    private async Task<HttpClient> AdminAsync()
    {
        using var tokens = factory.Tokens();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = TokenSource.Bearer(await tokens.GetAsync("admin"));
        return client;
    }

    [Fact]
    public void Only_the_district_operator_and_the_responder_take_a_unit_and_the_responder_must()
    {
        Assert.Equal([Roles.DistrictOperator, Roles.Responder], Roles.All.Where(r => Units.Check(r, "上海燃气有限公司") is null).Select(r => r.Name));
        Assert.Equal([Roles.Responder], Roles.All.Where(r => Units.Check(r, null) is not null).Select(r => r.Name));
        Assert.All(Roles.All.Where(r => r.Unit is not UnitRule.None), r => Assert.Contains(Roles.RespondScope, r.Scopes));
    }

    [Fact]
    public async Task A_responder_is_refused_without_its_unit_and_its_client_token_names_the_unit()
    {
        using var admin = await AdminAsync();
        using var missing = await admin.PostAsJsonAsync("/api/identity/clients",
            new { clientId = "responder-drainage", displayName = "上海市排水管理事务中心", role = "responder" });
        var problem = await missing.FieldProblemAsync("unit");
        Assert.Contains("must name the responsible unit", problem.GetProperty("errors").GetProperty("unit")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/identity/clients/responder-drainage")).StatusCode);

        using var created = await admin.PostAsJsonAsync("/api/identity/clients",
            new { clientId = "responder-drainage", displayName = "上海市排水管理事务中心", role = "responder", unit = " 上海市排水管理事务中心 " });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        // Kept trimmed: the warnings service compares the claim with the names a warning lists, exactly.
        Assert.Equal("上海市排水管理事务中心", body.GetProperty("client").GetProperty("unit").GetString());
        Assert.Equal("上海市排水管理事务中心", (await admin.GetFromJsonAsync<JsonElement>("/api/identity/clients/responder-drainage")).GetProperty("unit").GetString());
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/identity/clients");
        Assert.Equal(JsonValueKind.Null, listed.EnumerateArray().Single(c => c.GetProperty("clientId").GetString() == "warehouse-a").GetProperty("unit").ValueKind);

        using var tokens = factory.Tokens();
        var token = await tokens.ClientCredentialsAsync("responder-drainage", body.GetProperty("clientSecret").GetString()!, null, default);
        var payload = Jwt.Payload(token.GetProperty("access_token").GetString()!);
        Assert.Equal(("responder", "上海市排水管理事务中心"), (payload.GetProperty("role").GetString(), payload.GetProperty("unit").GetString()));
        Assert.Equal(["warnings:read", "warnings:respond"], Jwt.Values(payload, "scope").Order());
    }

    [Fact]
    public async Task A_district_operators_sign_in_and_refresh_tokens_name_both_its_district_and_its_unit()
    {
        using var admin = await AdminAsync();
        using var created = await admin.PostAsJsonAsync("/api/identity/people", new
        {
            userName = "district-xh", displayName = "郑浩", password = "district-xh-password-1", role = "district-operator", binding = "310104", unit = "徐汇区应急管理局",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var person = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("310104", "徐汇区应急管理局"), (person.GetProperty("binding").GetString(), person.GetProperty("unit").GetString()));
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/identity/people");
        Assert.Equal("徐汇区应急管理局", listed.EnumerateArray().Single(p => p.GetProperty("userName").GetString() == "district-xh").GetProperty("unit").GetString());

        using var tokens = factory.Tokens();
        var signedIn = await tokens.SignInAsync("district-xh", "district-xh-password-1", null, default);
        var access = Jwt.Payload(signedIn.GetProperty("access_token").GetString()!);
        Assert.Equal(("310104", "徐汇区应急管理局"), (access.GetProperty("district").GetString(), access.GetProperty("unit").GetString()));
        Assert.Contains("warnings:respond", Jwt.Values(access, "scope"));
        var identity = Jwt.Payload(signedIn.GetProperty("id_token").GetString()!);
        Assert.Equal(("310104", "徐汇区应急管理局"), (identity.GetProperty("district").GetString(), identity.GetProperty("unit").GetString()));

        var refreshed = Jwt.Payload((await tokens.RefreshAsync(signedIn.GetProperty("refresh_token").GetString()!, default)).GetProperty("access_token").GetString()!);
        Assert.Equal(("310104", "徐汇区应急管理局"), (refreshed.GetProperty("district").GetString(), refreshed.GetProperty("unit").GetString()));
    }

    [Fact]
    public async Task A_unit_for_a_role_that_takes_none_or_against_the_text_rules_is_refused_naming_unit_and_registers_nobody()
    {
        using var admin = await AdminAsync();
        const string Password = "long-enough-password";
        (string Kind, object Body, string Says)[] cases =
        [
            ("people", new { userName = "u-keeper", displayName = "x", password = Password, role = "warehouse-keeper", binding = "PD-R-N", unit = "上海燃气有限公司" }, "takes no unit"),
            ("people", new { userName = "u-regulator", displayName = "x", password = Password, role = "regulator", unit = "上海燃气有限公司" }, "takes no unit"),
            ("people", new { userName = "u-admin", displayName = "x", password = Password, role = "admin", unit = "上海燃气有限公司" }, "takes no unit"),
            ("people", new { userName = "u-duty", displayName = "x", password = Password, role = "duty-officer", unit = "黄浦区应急管理局" }, "for any responsible unit, on its behalf"),
            ("clients", new { clientId = "u-integrator", displayName = "x", role = "integrator", unit = "上海燃气有限公司" }, "takes no unit"),
            ("clients", new { clientId = "u-station", displayName = "x", role = "station", unit = "上海燃气有限公司" }, "takes no unit"),
            ("clients", new { clientId = "u-warehouse", displayName = "x", role = "warehouse", binding = "PD-R-N", unit = "上海燃气有限公司" }, "takes no unit"),
            ("clients", new { clientId = "u-responder", displayName = "x", role = "responder", unit = " \u200b " }, "empty"),
            ("people", new { userName = "u-long", displayName = "x", password = Password, role = "district-operator", binding = "310101", unit = new string('局', 101) }, "100"),
            ("people", new { userName = "u-line", displayName = "x", password = Password, role = "district-operator", binding = "310101", unit = "黄浦区\n应急管理局" }, "line break"),
        ];
        foreach (var (kind, body, says) in cases)
        {
            using var response = await admin.PostAsJsonAsync($"/api/identity/{kind}", body);
            var problem = await response.FieldProblemAsync("unit");
            Assert.Contains(says, problem.GetProperty("errors").GetProperty("unit")[0].GetString(), StringComparison.Ordinal);
        }

        // A wrong binding and a wrong unit are told together.
        using var both = await admin.PostAsJsonAsync("/api/identity/clients", new { clientId = "u-both", displayName = "x", role = "integrator", binding = "310115", unit = "上海燃气有限公司" });
        Assert.True((await both.FieldProblemAsync("unit")).GetProperty("errors").TryGetProperty("binding", out _));

        var people = await admin.GetFromJsonAsync<JsonElement>("/api/identity/people");
        var clients = await admin.GetFromJsonAsync<JsonElement>("/api/identity/clients");
        Assert.DoesNotContain(people.EnumerateArray(), p => p.GetProperty("userName").GetString()!.StartsWith("u-", StringComparison.Ordinal));
        Assert.DoesNotContain(clients.EnumerateArray(), c => c.GetProperty("clientId").GetString()!.StartsWith("u-", StringComparison.Ordinal));
    }
}
