using System.Net;
using System.Net.Http.Json;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.Testing;
using Hazards.API.Model;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

public sealed class TraceTests(HazardsFactory factory) : IClassFixture<HazardsFactory>, IAsyncLifetime
{
    private MessageRecorder _bus = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = factory.CreateClient();
        await ServiceChecks.AssertReadyAsync(_client);
        _bus = await new MessageRecorder(factory.EntityPrefix).Record<ScanRecorded>().Record<ScanAnomalyDetected>().Record<ProductCoded>().StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bus.DisposeAsync();
        _client.Dispose();
    }

    private async Task<(EnterpriseResponse Owner, EnterpriseResponse Consignee, string Code)> CommissionedAsync()
    {
        var owner = await _client.RegisterAsync();
        var consignee = await _client.RegisterAsync(Enterprise(district: "310115", lat: 31.22, lon: 121.54, name: "上海浦东用户企业"));
        var code = (await _client.RegisterProductAsync(owner.Id)).Code;
        await _client.ScanOkAsync(code, Scan("commissioning", owner.Id));
        return (owner, consignee, code);
    }

    [Fact]
    public async Task A_product_is_commissioned_shipped_received_and_dispensed_in_order()
    {
        var (owner, consignee, code) = await CommissionedAsync();

        await _client.ScanOkAsync(code, Scan("shipping", owner.Id, 400, consignee.Id));
        await _client.ScanOkAsync(code, Scan("receiving", consignee.Id, 400));
        var dispensed = await _client.ScanOkAsync(code, Scan("dispensing", consignee.Id, 150));
        var trace = await _client.TraceAsync(code);
        var resolved = await _client.GetFromJsonAsync<CodeResolution>($"/api/hazards/codes/{code}", Json);

        Assert.Equal([1, 2, 3, 4], trace.Select(s => s.Sequence));
        Assert.Equal([ScanStep.Commissioning, ScanStep.Shipping, ScanStep.Receiving, ScanStep.Dispensing], trace.Select(s => s.Step));
        Assert.Equal(250m, dispensed.RemainingAfter);
        Assert.Equal(consignee.Id, trace[1].ConsigneeEnterpriseId);
        Assert.Equal("YD2026112000017", trace[1].Waybill);
        Assert.Equal(consignee.Id, resolved!.Trace.HolderEnterpriseId);
        Assert.Equal((4, "dispensing", 250m, "kg"), (resolved.Trace.Scans, resolved.Trace.LastStep, resolved.Trace.Remaining, resolved.Trace.Unit));
        var recorded = await _bus.WaitForAsync<ScanRecorded>(e => e.Code == code && e.Sequence == 4);
        Assert.Equal(("dispensing", 150m, consignee.Id), (recorded.Message.Step, recorded.Message.Quantity, recorded.Message.ActorEnterpriseId));
    }

    [Fact]
    public async Task Repackaging_issues_a_child_code_to_the_repackager_linked_to_its_parent()
    {
        var (owner, _, code) = await CommissionedAsync();

        var scan = await _client.ScanOkAsync(code, Scan("repackaging", owner.Id, 100));
        var child = await _client.GetFromJsonAsync<CodeResolution>($"/api/hazards/codes/{scan.ChildCode}", Json);
        var parent = await _client.GetFromJsonAsync<CodeResolution>($"/api/hazards/codes/{code}", Json);

        Assert.NotNull(scan.ChildCode);
        Assert.Equal(code, child!.Product.ParentCode);
        Assert.Equal((1, "commissioning", 100m), (child.Trace.Scans, child.Trace.LastStep, child.Trace.Remaining));
        Assert.Equal(300m, parent!.Trace.Remaining);
        Assert.Equal([scan.ChildCode!], parent.ChildCodes);
        Assert.Equal(16, child.Sds.Sections.Count);
        var coded = await _bus.WaitForAsync<ProductCoded>(e => e.Code == scan.ChildCode);
        Assert.Equal(code, coded.Message.ParentCode);
    }

    /// <summary>The refusal: a problem detail naming the rule, an anomaly stored and published, the trace unchanged.</summary>
    private async Task AssertRefusedAsync(string code, ScanRequest scan, HttpStatusCode status, string rule)
    {
        var before = await _client.TraceAsync(code);

        using var response = await _client.ScanAsync(code, scan);

        Assert.Equal(status, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(rule, problem.GetProperty("rule").GetString());
        Assert.Equal("Scan refused", problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        var anomalyId = problem.GetProperty("anomalyId").GetGuid();
        var anomalies = await _client.GetFromJsonAsync<List<AnomalyResponse>>($"/api/hazards/codes/{code}/anomalies", Json);
        Assert.Contains(anomalies!, a => a.Id == anomalyId && a.Rule == rule);
        var published = await _bus.WaitForAsync<ScanAnomalyDetected>(e => e.Code == code && e.Rule == rule && e.ActorEnterpriseId == scan.ActorEnterpriseId);
        Assert.Equal("氨", published.Message.ChemicalName);
        Assert.Equal(TraceRules.Name(Enum.Parse<ScanStep>(scan.Step!, true)), published.Message.Step);
        Assert.Equal(before.Select(s => s.Sequence), (await _client.TraceAsync(code)).Select(s => s.Sequence));
    }

    [Fact]
    public async Task The_first_scan_must_be_commissioning_by_the_owner()
    {
        var owner = await _client.RegisterAsync();
        var other = await _client.RegisterAsync();
        var code = (await _client.RegisterProductAsync(owner.Id)).Code;

        await AssertRefusedAsync(code, Scan("dispensing", owner.Id, 10), HttpStatusCode.Conflict, "not-commissioned");
        await AssertRefusedAsync(code, Scan("commissioning", other.Id, 10), HttpStatusCode.Conflict, "not-owner");
        await _client.ScanOkAsync(code, Scan("commissioning", owner.Id));
        await AssertRefusedAsync(code, Scan("commissioning", owner.Id), HttpStatusCode.Conflict, "already-commissioned");
    }

    [Fact]
    public async Task Only_the_holder_ships_and_only_the_consignee_receives()
    {
        var (owner, consignee, code) = await CommissionedAsync();
        var stranger = await _client.RegisterAsync();

        await AssertRefusedAsync(code, Scan("receiving", consignee.Id), HttpStatusCode.Conflict, "not-shipped");
        await AssertRefusedAsync(code, Scan("shipping", stranger.Id, 400, consignee.Id), HttpStatusCode.Conflict, "not-holder");
        await _client.ScanOkAsync(code, Scan("shipping", owner.Id, 400, consignee.Id));
        await AssertRefusedAsync(code, Scan("receiving", stranger.Id), HttpStatusCode.Conflict, "not-consignee");
        await AssertRefusedAsync(code, Scan("dispensing", owner.Id, 10), HttpStatusCode.Conflict, "in-transit");
        await _client.ScanOkAsync(code, Scan("receiving", consignee.Id));
        await AssertRefusedAsync(code, Scan("dispensing", owner.Id, 10), HttpStatusCode.Conflict, "not-holder");
    }

    [Fact]
    public async Task Quantities_never_exceed_what_remains_and_nothing_follows_disposal()
    {
        var (owner, _, code) = await CommissionedAsync();

        await _client.ScanOkAsync(code, Scan("dispensing", owner.Id, 300));
        await AssertRefusedAsync(code, Scan("dispensing", owner.Id, 101), HttpStatusCode.UnprocessableEntity, "exceeds-remaining");
        await _client.ScanOkAsync(code, Scan("disposal", owner.Id, 100));
        await AssertRefusedAsync(code, Scan("storing", owner.Id, 1), HttpStatusCode.Conflict, "after-disposal");

        var jinshan = await _client.GetFromJsonAsync<PaginatedItems<AnomalyResponse>>("/api/hazards/anomalies?district=310116&rule=after-disposal", Json);
        var pudong = await _client.GetFromJsonAsync<PaginatedItems<AnomalyResponse>>("/api/hazards/anomalies?district=310115&rule=after-disposal", Json);
        Assert.Contains(jinshan!.Data, a => a.Code == code && a.DistrictCode == "310116");
        Assert.DoesNotContain(pudong!.Data, a => a.Code == code);
    }

    [Fact]
    public async Task A_scan_dated_before_the_latest_is_refused()
    {
        var (owner, _, code) = await CommissionedAsync();
        await _client.ScanOkAsync(code, Scan("storing", owner.Id));

        await AssertRefusedAsync(code, Scan("storing", owner.Id, at: DateTimeOffset.UtcNow.AddDays(-2)), HttpStatusCode.Conflict, "out-of-order");
    }

    [Theory]
    [InlineData("step")]
    [InlineData("consigneeEnterpriseId")]
    [InlineData("quantity")]
    [InlineData("actorEnterpriseId")]
    public async Task Malformed_scans_are_400s_and_leave_no_trace_and_no_anomaly(string field)
    {
        var (owner, _, code) = await CommissionedAsync();
        var scan = field switch
        {
            "step" => Scan("teleporting", owner.Id),
            "consigneeEnterpriseId" => Scan("shipping", owner.Id),
            "quantity" => Scan("dispensing", owner.Id, -5),
            _ => Scan("storing", Guid.NewGuid()),
        };

        using var response = await _client.ScanAsync(code, scan);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Single(await _client.TraceAsync(code));
        Assert.Empty((await _client.GetFromJsonAsync<List<AnomalyResponse>>($"/api/hazards/codes/{code}/anomalies", Json))!);
    }

    [Fact]
    public async Task A_retried_scan_is_recorded_once_and_a_retried_refusal_is_one_anomaly()
    {
        var (owner, _, code) = await CommissionedAsync();
        var key = Guid.NewGuid().ToString();
        var refusedKey = Guid.NewGuid().ToString();

        using var first = await SendAsync(code, Scan("dispensing", owner.Id, 100), key);
        using var retry = await SendAsync(code, Scan("dispensing", owner.Id, 100), key);
        using var refused = await SendAsync(code, Scan("dispensing", owner.Id, 1000), refusedKey);
        using var refusedAgain = await SendAsync(code, Scan("dispensing", owner.Id, 1000), refusedKey);

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, (await _client.TraceAsync(code)).Count);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedAgain.StatusCode);
        Assert.Equal(await refused.Content.ReadAsStringAsync(), await refusedAgain.Content.ReadAsStringAsync());
        Assert.Single((await _client.GetFromJsonAsync<List<AnomalyResponse>>($"/api/hazards/codes/{code}/anomalies", Json))!);
    }

    private Task<HttpResponseMessage> SendAsync(string code, ScanRequest scan, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/hazards/codes/{code}/scans") { Content = JsonContent.Create(scan, options: Json) };
        request.Headers.Add("Idempotency-Key", key);
        return _client.SendAsync(request);
    }
}
