using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.Testing;
using static Warnings.API.Tests.WarningTestData;

namespace Warnings.API.Tests;

/// <summary>
/// A unit's acknowledgement and disposition come from an account bound to that unit, or from the operations centre on
/// its behalf (recorded as such); nobody else answers for a unit.
/// </summary>
public sealed class UnitBindingTests(WarningsFactory factory) : IClassFixture<WarningsFactory>
{
    private const string Gas = "上海燃气有限公司";
    private const string Drainage = "上海市排水管理事务中心";
    private const string Respond = "warnings:read warnings:respond";

    private HttpClient Responder(string name, string? unit)
    {
        var client = factory.CreateClient().As(name);
        client.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.ScopesHeader, Respond);
        return unit is null ? client : client.BoundToUnit(unit);
    }

    [Fact]
    public async Task A_unit_answers_for_itself_and_is_refused_for_another_unit_which_stays_unanswered()
    {
        using var centre = factory.CreateClient().As("centre.duty");
        var id = (await centre.IssueAsync(Typhoon(units: [Gas, Drainage]))).Id();
        using var gas = Responder("gas.dispatch", Gas);

        var ack = await gas.SendJsonAsync($"/api/warnings/{id}/acknowledgements", new { unit = Gas });
        var report = await gas.SendJsonAsync($"/api/warnings/{id}/dispositions", new { unit = Gas, status = "inProgress", report = "抢修队已出发" });
        using var foreignAck = await gas.PostAsJsonAsync($"/api/warnings/{id}/acknowledgements", new { unit = Drainage });
        using var foreignReport = await gas.PostAsJsonAsync($"/api/warnings/{id}/dispositions", new { unit = Drainage, status = "completed", report = "已排水" });

        Assert.Equal(("gas.dispatch", false), (ack.Str("acknowledgedBy"), ack.GetProperty("acknowledgedOnBehalf").GetBoolean()));
        Assert.Equal(("gas.dispatch", false), (report.Str("latestReportBy"), report.GetProperty("latestReportOnBehalf").GetBoolean()));
        foreach (var refused in new[] { foreignAck, foreignReport })
        {
            var problem = await AssertNotYourUnitAsync(refused);
            Assert.Equal((Gas, Drainage), (problem.Str("unit"), problem.Str("requestedUnit")));
        }
        var drainage = await ResponseOfAsync(centre, id, Drainage);
        Assert.Equal((JsonValueKind.Null, 0), (drainage.GetProperty("acknowledgedAt").ValueKind, drainage.GetProperty("reports").GetInt32()));
    }

    [Fact]
    public async Task A_caller_bound_to_no_unit_answers_for_none_unless_it_is_the_operations_centre()
    {
        using var centre = factory.CreateClient().As("centre.duty");
        var id = (await centre.IssueAsync(Typhoon(units: [Gas]))).Id();
        using var unbound = Responder("no.unit", unit: null);

        using var refused = await unbound.PostAsJsonAsync($"/api/warnings/{id}/acknowledgements", new { unit = Gas });

        var problem = await AssertNotYourUnitAsync(refused);
        Assert.Contains("speaks for no responsible unit", problem.Str("detail"));
        Assert.Equal(JsonValueKind.Null, (await ResponseOfAsync(centre, id, Gas)).GetProperty("acknowledgedAt").ValueKind);
    }

    [Fact]
    public async Task The_operations_centre_answers_on_a_units_behalf_and_the_record_says_so()
    {
        using var centre = factory.CreateClient().As("duty.zhang");
        var id = (await centre.IssueAsync(Typhoon(units: [Gas]))).Id();
        using var gas = Responder("gas.dispatch", Gas);

        var ack = await centre.SendJsonAsync($"/api/warnings/{id}/acknowledgements", new { unit = Gas });
        var byCentre = await centre.SendJsonAsync($"/api/warnings/{id}/dispositions", new { unit = Gas, status = "inProgress", report = "电话通知燃气公司，已派员" });
        var byUnit = await gas.SendJsonAsync($"/api/warnings/{id}/dispositions", new { unit = Gas, status = "completed", report = "泄漏点已封堵" });

        Assert.Equal(("duty.zhang", true), (ack.Str("acknowledgedBy"), ack.GetProperty("acknowledgedOnBehalf").GetBoolean()));
        Assert.Equal(("duty.zhang", true), (byCentre.Str("latestReportBy"), byCentre.GetProperty("latestReportOnBehalf").GetBoolean()));
        Assert.Equal(("gas.dispatch", false, 2), (byUnit.Str("latestReportBy"), byUnit.GetProperty("latestReportOnBehalf").GetBoolean(), byUnit.GetProperty("reports").GetInt32()));
        var stored = await ResponseOfAsync(centre, id, Gas);
        Assert.Equal((true, "completed"), (stored.GetProperty("acknowledgedOnBehalf").GetBoolean(), stored.Str("disposition")));
    }

    private static async Task<JsonElement> AssertNotYourUnitAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("Not your unit", problem.Str("title"));
        return problem;
    }

    private static async Task<JsonElement> ResponseOfAsync(HttpClient client, Guid id, string unit) =>
        (await client.GetJsonAsync($"/api/warnings/{id}/responses")).GetProperty("responses").EnumerateArray().Single(r => r.Str("unit") == unit);
}
