using System.Net;
using System.Net.Http.Json;
using Hazards.API.Apis;
using Hazards.API.Model;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

internal static class RiskTestData
{
    public static RiskPointRequest RiskPoint(decimal l, decimal e, decimal c, string? name = null) =>
        HazardExamples.RiskPoint with { Name = name ?? $"风险点-{Guid.NewGuid():N}"[..12], L = l, E = e, C = c };

    public static string RiskPoints(Guid enterpriseId) => $"/api/hazards/enterprises/{enterpriseId}/risk-points";

    public static string RiskLists(Guid enterpriseId) => $"/api/hazards/enterprises/{enterpriseId}/risk-lists";

    public static async Task<RiskPointResponse> AddRiskPointAsync(this HttpClient client, Guid enterpriseId, RiskPointRequest request)
    {
        using var response = await client.PostAsJsonAsync(RiskPoints(enterpriseId), request, Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<RiskPointResponse>(Json))!;
    }

    public static async Task<List<RiskPointResponse>> RiskPointsAsync(this HttpClient client, Guid enterpriseId) =>
        [.. (await client.GetFromJsonAsync<EmergencyOps.ServiceDefaults.PaginatedItems<RiskPointResponse>>($"{RiskPoints(enterpriseId)}?pageSize=200", Json))!.Data];

    public static async Task<RiskListResponse> FileAsync(this HttpClient client, Guid enterpriseId)
    {
        using var response = await client.PostAsync(RiskLists(enterpriseId), null);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<RiskListResponse>(Json))!;
    }

    public static async Task<RiskListResponse> FilingAsync(this HttpClient client, Guid enterpriseId, int version) =>
        (await client.GetFromJsonAsync<RiskListResponse>($"{RiskLists(enterpriseId)}/{version}", Json))!;

    public static Task<HttpResponseMessage> ReviewAsync(this HttpClient client, Guid enterpriseId, int version, string decision, string? note = null) =>
        client.PostAsJsonAsync($"{RiskLists(enterpriseId)}/{version}/review", new ReviewRiskListRequest(decision, note), Json);
}
