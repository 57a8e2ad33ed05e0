using System.Net;
using System.Net.Http.Json;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Testing;
using Hazards.API.Apis;
using Hazards.API.Model;
using static Hazards.API.Tests.CitizenTestData;
using static Hazards.API.Tests.HazardTestData;
using static Hazards.API.Tests.HiddenDangerTestData;

namespace Hazards.API.Tests;

/// <summary>A citizen's report by the enterprise code (一码发现), without a token, through the closed loop, followed by its receipt.</summary>
public sealed class CitizenReportTests(HazardsFactory factory) : IClassFixture<HazardsFactory>, IAsyncLifetime
{
    private MessageRecorder _bus = null!;

    public async Task InitializeAsync()
    {
        using var client = factory.CreateClient();
        await ServiceChecks.AssertReadyAsync(client);
        _bus = await new MessageRecorder(factory.EntityPrefix).Record<HiddenDangerReported>().StartAsync();
    }

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    [Fact]
    public async Task A_citizen_report_is_verified_planned_rectified_reviewed_and_closed_and_the_receipt_shows_each_step()
    {
        using var regulator = factory.CreateClient().AsRegulator();
        var enterprise = await factory.CreateClient().RegisterAsync();
        using var owner = factory.CreateClient().ForEnterprise(enterprise);
        var code = (await regulator.EnterpriseCodeAsync(enterprise.Id)).Code;
        using var citizen = factory.Citizen();

        var receipt = await citizen.ReportOkAsync(code, Report() with { Criteria = [7] });

        Assert.Matches("^[0-9A-Z]{12}$", receipt.Receipt);
        Assert.Equal(HiddenDangerState.Reported, receipt.State);
        var listed = Assert.Single(await regulator.CitizenDangersAsync(enterprise.Id));
        Assert.Equal((HiddenDangerState.Reported, HiddenDangerGrade.Major), (listed.State, listed.Grade));
        Assert.DoesNotContain(listed.Id.ToString(), receipt.ReceiptUrl, StringComparison.OrdinalIgnoreCase);
        var message = (await _bus.WaitForAsync<HiddenDangerReported>(m => m.DangerId == listed.Id)).Message;
        Assert.Equal((HiddenDangerSource.Citizen, false, HiddenDangerGrade.Major, enterprise.Id), (message.ReportedBy, message.Verified, message.Grade, message.EnterpriseId));
        var seen = await citizen.ReceiptAsync(receipt.Receipt);
        Assert.Equal((HiddenDangerState.Reported, enterprise.Name, null), (seen.State, seen.EnterpriseName, seen.VerifiedAt));

        await regulator.StepOkAsync(listed.Id, "verification", new VerifyHiddenDangerRequest("verify", null));
        Assert.Equal(HiddenDangerState.Verified, (await citizen.ReceiptAsync(receipt.Receipt)).State);
        await owner.PlanOkAsync(listed.Id);
        var rectifying = await citizen.ReceiptAsync(receipt.Receipt);
        Assert.Equal(HiddenDangerState.Rectifying, rectifying.State);
        Assert.NotNull(rectifying.RectificationDeadline);
        await owner.RectifyOkAsync(listed.Id);
        Assert.Equal(HiddenDangerState.Rectified, (await citizen.ReceiptAsync(receipt.Receipt)).State);
        var closed = await regulator.ReviewOkAsync(listed.Id, passed: true);

        using var last = await citizen.GetAsync(new Uri(receipt.ReceiptUrl, UriKind.Relative));
        var body = await last.Content.ReadAsStringAsync();
        var outcome = System.Text.Json.JsonSerializer.Deserialize<CitizenReceiptResponse>(body, Json)!;
        Assert.Equal((HiddenDangerState.Closed, "已销号"), (outcome.State, outcome.StateName));
        Assert.NotNull(outcome.VerifiedAt);
        Assert.NotNull(outcome.RectifiedAt);
        Assert.NotNull(outcome.ClosedAt);
        // Nothing internal: no ids, no people, no plan, no evidence, no photos.
        foreach (var secret in new[] { listed.Id.ToString(), enterprise.Id.ToString(), "regulator", "client-", HazardExamples.Plan.ResponsiblePerson!, HazardExamples.Rectification.Evidence!, "photo", "contact" })
        {
            Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(closed.ClosedAt, outcome.ClosedAt);
    }

    [Fact]
    public async Task A_rejected_report_shows_the_regulators_reason_and_an_unknown_receipt_is_404()
    {
        using var regulator = factory.CreateClient().AsRegulator();
        var enterprise = await factory.CreateClient().RegisterAsync();
        var code = (await regulator.EnterpriseCodeAsync(enterprise.Id)).Code;
        using var citizen = factory.Citizen();
        var receipt = await citizen.ReportOkAsync(code);
        var danger = Assert.Single(await regulator.CitizenDangersAsync(enterprise.Id));

        await regulator.StepOkAsync(danger.Id, "verification", HazardExamples.Verification);
        var seen = await citizen.ReceiptAsync(receipt.Receipt.ToLowerInvariant());
        using var unknown = await citizen.GetAsync(new Uri($"/api/hazards/hidden-danger-receipts/{Receipts.New()}", UriKind.Relative));
        using var malformed = await citizen.GetAsync(new Uri("/api/hazards/hidden-danger-receipts/not-a-receipt", UriKind.Relative));

        Assert.Equal((HiddenDangerState.Rejected, HazardExamples.Verification.Reason), (seen.State, seen.RejectionReason));
        Assert.NotNull(seen.RejectedAt);
        Assert.Equal(HiddenDangerGrade.General, seen.Grade);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await malformed.FieldProblemAsync("receipt");
    }

    [Fact]
    public async Task An_unknown_or_mistyped_enterprise_code_stores_nothing_and_bad_input_is_a_400_naming_the_field()
    {
        using var regulator = factory.CreateClient().AsRegulator();
        var enterprise = await factory.CreateClient().RegisterAsync();
        var code = (await regulator.EnterpriseCodeAsync(enterprise.Id)).Code;
        // Each from an address of its own: the limit (5 per address) is tested elsewhere.
        Task<HttpResponseMessage> Post(string url, CitizenReportRequest body) => factory.Citizen().PostAsJsonAsync(url, body, Json);

        using var unknown = await Post(Reports(EnterpriseCodes.Derive(Guid.NewGuid())), Report());
        using var mistyped = await Post(Reports($"{code[..^1]}{(code[^1] == 'A' ? 'B' : 'A')}"), Report());
        using var empty = await Post(Reports(code), Report() with { Description = "  " });
        using var phone = await Post(Reports(code), Report() with { ContactPhone = "call me maybe" });
        using var criterion = await Post(Reports(code), Report() with { Criteria = [21] });
        using var tooLong = await Post(Reports(code), Report() with { Description = new string('x', 2001) });
        using var notJson = await factory.Citizen().PostAsync(Reports(code), new StringContent("{\"description\":", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await mistyped.FieldProblemAsync("code");
        await empty.FieldProblemAsync("description");
        await phone.FieldProblemAsync("contactPhone");
        await criterion.FieldProblemAsync("criteria[0]");
        await tooLong.FieldProblemAsync("description");
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Empty(await regulator.CitizenDangersAsync(enterprise.Id));
    }
}
