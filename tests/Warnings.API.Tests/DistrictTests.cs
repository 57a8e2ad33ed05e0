using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.Testing;
using static Warnings.API.Tests.WarningTestData;

namespace Warnings.API.Tests;

/// <summary>
/// A district operator (token bound to 310115, Pudong) sees and acts on the warnings covering its district only; the
/// operations centre (unbound) issues and lifts. Tests of one class run one after another, so the feed sees only these.
/// </summary>
public sealed class DistrictTests(WarningsFactory factory) : IClassFixture<WarningsFactory>, IAsyncLifetime
{
    private const string Huangpu = "310101";
    private const string PudongBureau = "浦东新区应急管理局";
    private const string HuangpuBureau = "黄浦区应急管理局";
    private HttpClient _centre = null!;
    private HttpClient _pudong = null!;

    public Task InitializeAsync()
    {
        _centre = factory.CreateClient().As("centre.duty");
        _pudong = DistrictOperator(factory.CreateClient(), Pudong, unit: PudongBureau);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _centre.Dispose();
        _pudong.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The district-operator role's warnings scopes, bound as its token is.</summary>
    private static HttpClient DistrictOperator(HttpClient client, string district, string scopes = "warnings:read warnings:respond", string? unit = null)
    {
        client.As($"operator.{district}");
        client.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.ScopesHeader, scopes);
        client.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.BindingHeader, $"{IdentityClaims.District}={district}");
        if (unit is not null)
        {
            client.BoundToUnit(unit);
        }
        return client;
    }

    [Fact]
    public async Task The_list_holds_only_warnings_covering_the_operators_district()
    {
        var pudong = (await _centre.IssueAsync(Typhoon(districts: [Pudong, Jinshan]))).Id();
        var huangpu = (await _centre.IssueAsync(Typhoon(districts: [Huangpu], units: [HuangpuBureau]))).Id();

        var list = await _pudong.GetJsonAsync("/api/warnings?pageSize=200");
        var both = await _pudong.GetJsonAsync($"/api/warnings?district={Huangpu},{Pudong}&pageSize=200");
        using var other = await _pudong.GetAsync(new Uri($"/api/warnings?district={Huangpu}", UriKind.Relative));

        var ids = list.GetProperty("data").EnumerateArray().Select(w => w.Id()).ToList();
        Assert.Contains(pudong, ids);
        Assert.DoesNotContain(huangpu, ids);
        Assert.All(list.GetProperty("data").EnumerateArray(), w => Assert.Contains(Pudong, w.GetProperty("districtCodes").EnumerateArray().Select(d => d.GetString())));
        Assert.Equal(ids, both.GetProperty("data").EnumerateArray().Select(w => w.Id()));
        await AssertNotYourDistrictAsync(other);
        // The centre still sees the whole city.
        var city = await _centre.GetJsonAsync("/api/warnings?pageSize=200");
        Assert.Superset(new HashSet<Guid> { pudong, huangpu }, city.GetProperty("data").EnumerateArray().Select(w => w.Id()).ToHashSet());
    }

    [Fact]
    public async Task An_operator_acknowledges_and_reports_on_its_districts_warnings_only()
    {
        var pudong = (await _centre.IssueAsync(Typhoon(districts: [Pudong], units: [PudongBureau]))).Id();
        var huangpu = (await _centre.IssueAsync(Typhoon(districts: [Huangpu], units: [HuangpuBureau]))).Id();

        using var foreign = await _pudong.PostAsJsonAsync($"/api/warnings/{huangpu}/acknowledgements", new { unit = HuangpuBureau });
        using var foreignReport = await _pudong.PostAsJsonAsync($"/api/warnings/{huangpu}/dispositions", new { unit = HuangpuBureau, status = "inProgress", report = "已处置" });
        var ack = await _pudong.SendJsonAsync($"/api/warnings/{pudong}/acknowledgements", new { unit = PudongBureau });
        var report = await _pudong.SendJsonAsync($"/api/warnings/{pudong}/dispositions", new { unit = PudongBureau, status = "completed", report = "人员已转移" });

        var problem = await AssertNotYourDistrictAsync(foreign);
        Assert.Equal([Pudong], problem.GetProperty("districts").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal([Huangpu], problem.GetProperty("warningDistricts").EnumerateArray().Select(d => d.GetString()));
        await AssertNotYourDistrictAsync(foreignReport);
        var untouched = (await _centre.GetJsonAsync($"/api/warnings/{huangpu}/responses")).GetProperty("responses")[0];
        Assert.Equal(JsonValueKind.Null, untouched.GetProperty("acknowledgedAt").ValueKind);
        Assert.Equal(0, untouched.GetProperty("reports").GetInt32());
        Assert.Equal("operator.310115", ack.Str("acknowledgedBy"));
        Assert.Equal("completed", report.Str("disposition"));
        var mine = await _pudong.GetJsonAsync($"/api/warnings/{pudong}/responses");
        Assert.Equal(1, mine.GetProperty("acknowledged").GetInt32());
    }

    [Fact]
    public async Task Per_warning_reads_outside_the_district_are_forbidden()
    {
        var pudong = (await _centre.IssueAsync(Typhoon(districts: [Pudong]))).Id();
        var huangpu = (await _centre.IssueAsync(Typhoon(districts: [Huangpu], units: [HuangpuBureau]))).Id();

        Assert.Equal(pudong, (await _pudong.GetJsonAsync($"/api/warnings/{pudong}")).Id());
        foreach (var url in new[] { $"/api/warnings/{huangpu}", $"/api/warnings/{huangpu}/responses" })
        {
            using var refused = await _pudong.GetAsync(new Uri(url, UriKind.Relative));
            await AssertNotYourDistrictAsync(refused);
        }
    }

    [Fact]
    public async Task Only_the_centre_lifts_and_never_a_district_operator_of_another_district()
    {
        var huangpu = (await _centre.IssueAsync(Typhoon(districts: [Huangpu], units: [HuangpuBureau]))).Id();
        using var everyScope = factory.CreateClient();
        everyScope.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.BindingHeader, $"{IdentityClaims.District}={Pudong}");

        // The operator's role lacks warnings:issue: the policy refuses it before the handler runs.
        using var byRole = await _pudong.PostAsJsonAsync($"/api/warnings/{huangpu}/lift", new { reason = "台风远离" });
        // Even a token of 310115 that carried warnings:issue would not lift a warning of 310101.
        using var byBinding = await everyScope.PostAsJsonAsync($"/api/warnings/{huangpu}/lift", new { reason = "台风远离" });

        Assert.Equal(HttpStatusCode.Forbidden, byRole.StatusCode);
        await AssertNotYourDistrictAsync(byBinding);
        var warning = await _centre.GetJsonAsync($"/api/warnings/{huangpu}");
        Assert.Equal(("active", 1), (warning.Str("state"), warning.GetProperty("history").GetArrayLength()));
        Assert.Equal("ended", (await _centre.SendJsonAsync($"/api/warnings/{huangpu}/lift", new { reason = "台风远离" })).Str("state"));
    }

    [Fact]
    public async Task The_feed_of_an_operator_carries_its_district_only()
    {
        await using var feed = await SseClient.ConnectAsync(_pudong, "/api/warnings/feed");
        using var other = await _pudong.GetAsync(new Uri($"/api/warnings/feed?district={Huangpu}", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        await AssertNotYourDistrictAsync(other);

        // Issued one after the other: an unfiltered feed would deliver Huangpu's first.
        var huangpu = (await _centre.IssueAsync(Typhoon(districts: [Huangpu], units: [HuangpuBureau]))).Id();
        var pudong = (await _centre.IssueAsync(Typhoon(districts: [Pudong]))).Id();

        // Read up to Pudong's event (an earlier test's late fan-out may come first); nothing before it may be Huangpu's.
        Guid seen;
        do
        {
            var data = JsonDocument.Parse((await feed.NextAsync()).Data).RootElement;
            seen = data.GetProperty("warningId").GetGuid();
            Assert.NotEqual(huangpu, seen);
            Assert.Contains(Pudong, data.GetProperty("districtCodes").EnumerateArray().Select(d => d.GetString()));
        }
        while (seen != pudong);
    }

    private static async Task<JsonElement> AssertNotYourDistrictAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("Not your district", problem.Str("title"));
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.Contains(Pudong, problem.Str("detail"), StringComparison.Ordinal);
        return problem;
    }
}
