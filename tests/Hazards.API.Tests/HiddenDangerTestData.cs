using System.Net;
using System.Net.Http.Json;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Testing;
using Hazards.API.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Hazards.API.Apis;
using Hazards.API.Model;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

internal static class HiddenDangerTestData
{
    public static string Dangers(Guid enterpriseId) => $"/api/hazards/enterprises/{enterpriseId}/hidden-dangers";

    public static string Danger(Guid dangerId) => $"/api/hazards/hidden-dangers/{dangerId}";

    public static ReportHiddenDangerRequest Report(string grade = "general", params int[] criteria) =>
        HazardExamples.HiddenDanger with { Title = $"隐患-{Guid.NewGuid():N}"[..12], Grade = grade, Criteria = criteria };

    public static RectificationPlanRequest Plan(DateTimeOffset? deadline = null) =>
        HazardExamples.Plan with { Deadline = deadline ?? DateTimeOffset.UtcNow.AddDays(30) };

    public static async Task<HiddenDangerResponse> ReportOkAsync(this HttpClient client, Guid enterpriseId, ReportHiddenDangerRequest? request = null)
    {
        using var response = await client.PostAsJsonAsync(Dangers(enterpriseId), request ?? Report(), Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<HiddenDangerResponse>(Json))!;
    }

    public static Task<HttpResponseMessage> StepAsync<T>(this HttpClient client, Guid dangerId, string step, T body) =>
        client.PostAsJsonAsync($"{Danger(dangerId)}/{step}", body, Json);

    public static async Task<HiddenDangerResponse> StepOkAsync<T>(this HttpClient client, Guid dangerId, string step, T body)
    {
        using var response = await client.StepAsync(dangerId, step, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<HiddenDangerResponse>(Json))!;
    }

    public static Task<HiddenDangerResponse> PlanOkAsync(this HttpClient client, Guid dangerId, DateTimeOffset? deadline = null) =>
        client.StepOkAsync(dangerId, "plan", Plan(deadline));

    public static Task<HiddenDangerResponse> RectifyOkAsync(this HttpClient client, Guid dangerId) =>
        client.StepOkAsync(dangerId, "rectification", HazardExamples.Rectification);

    public static Task<HiddenDangerResponse> ReviewOkAsync(this HttpClient client, Guid dangerId, bool passed, string? note = null) =>
        client.StepOkAsync(dangerId, "review", new ReviewHiddenDangerRequest(passed, note));

    public static async Task<HiddenDangerResponse> DangerAsync(this HttpClient client, Guid dangerId) =>
        (await client.GetFromJsonAsync<HiddenDangerResponse>(Danger(dangerId), Json))!;

    /// <summary>Asserts a 409 "Wrong hidden-danger state" saying which state it is in.</summary>
    public static async Task AssertWrongStateAsync(this HttpResponseMessage response, string state)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("Wrong hidden-danger state", problem.GetProperty("title").GetString());
        Assert.Equal(state, problem.GetProperty("state").GetString());
        Assert.Contains($"is {state}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    public static async Task<string> TitleAsync(this HttpResponseMessage response) =>
        (await response.ProblemAsync()).GetProperty("title").GetString()!;

    public static ListHiddenDangerRequest Listing(DateTimeOffset? deadline = null) =>
        HazardExamples.Listing with { Deadline = deadline ?? DateTimeOffset.UtcNow.AddDays(60) };

    public static async Task<List<SupervisedHiddenDanger>> SupervisedAsync(this HttpClient client, bool includeClosed = false) =>
        [.. (await client.GetFromJsonAsync<EmergencyOps.ServiceDefaults.PaginatedItems<SupervisedHiddenDanger>>(
            $"/api/hazards/hidden-dangers/supervised?pageSize=200&includeClosed={(includeClosed ? "true" : "false")}", Json))!.Data];

    // Citizen reports arrive in a later slice (anonymous, by the enterprise code); until then such a report is planted as a row.
    public static async Task<Guid> PlantCitizenReportAsync(this HazardsFactory factory, Guid enterpriseId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HazardsContext>();
        var danger = new HiddenDanger
        {
            EnterpriseId = enterpriseId, Source = HiddenDangerSource.Citizen, Grade = HiddenDangerGrade.General, RequestedGrade = HiddenDangerGrade.General,
            Title = "厂区围墙外闻到刺激性气味", Description = "夜间经过厂区东侧围墙时闻到刺鼻气味。", State = HiddenDangerState.Reported,
            ReportedBy = "citizen", ReportedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Revision = 1,
        };
        db.HiddenDangers.Add(danger);
        db.HiddenDangerSteps.Add(new HiddenDangerStep { DangerId = danger.Id, Sequence = 1, Action = HiddenDangerAction.Reported, Actor = "citizen", At = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return danger.Id;
    }
}
