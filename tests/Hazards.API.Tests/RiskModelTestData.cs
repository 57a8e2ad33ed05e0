using System.Net;
using System.Net.Http.Json;
using Hazards.API.Model;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

internal static class RiskModelTestData
{
    public static async Task<EnterpriseRiskResponse> RiskAsync(this HttpClient client, Guid enterpriseId) =>
        (await client.GetFromJsonAsync<EnterpriseRiskResponse>($"/api/hazards/enterprises/{enterpriseId}/risk", Json))!;

    public static RiskTerm Term(this EnterpriseRiskResponse risk, string term) => risk.Terms.Single(t => t.Term == term);

    public static Task<List<RiskRankingEntry>> RankingAsync(this HttpClient client, string query = "") =>
        client.PageDataAsync<RiskRankingEntry>($"/api/hazards/risk-ranking?pageSize=200{query}");

    /// <summary>A 一级 major hazard source: chlorine 125 t with 10 people outside (R exactly 100).</summary>
    public static Task<UnitEvaluationResponse> DeclareLevel1Async(this HttpClient client, Guid enterpriseId) =>
        client.DeclareAsync(enterpriseId, Unit(10, (Chlorine, 125m)));

    /// <summary>A red risk point: 10 × 6 × 7 = 420.</summary>
    public static Task<RiskPointResponse> AddRedRiskPointAsync(this HttpClient client, Guid enterpriseId) =>
        client.AddRiskPointAsync(enterpriseId, RiskTestData.RiskPoint(10m, 6m, 7m));

    /// <summary>A refused scan by the owner (dispensing before commissioning): one anomaly at the enterprise.</summary>
    public static async Task RefusedScanAsync(this HttpClient client, Guid enterpriseId, string code)
    {
        using var response = await client.ScanAsync(code, Scan("dispensing", enterpriseId, 10));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}
