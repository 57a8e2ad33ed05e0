using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.Testing;
using Hazards.API.Apis;
using Hazards.API.Model;

namespace Hazards.API.Tests;

internal static class HazardTestData
{
    public static readonly JsonSerializerOptions Json = TestJson.Options;

    public const string Chlorine = "7782-50-5";
    public const string Ammonia = "7664-41-7";
    public const string Methanol = "67-56-1";
    public const string Lpg = "68476-85-7";

    private const string Alphabet = "ABCDEFGHJKLMNPQRTUWXY0123456789";

    /// <summary>A fresh, valid credit code (Shanghai enterprise, GB 32100 check character computed).</summary>
    public static string NewCreditCode(string district = "310116")
    {
        var body = "91" + district + string.Concat(Enumerable.Range(0, 9).Select(_ => Alphabet[Random.Shared.Next(Alphabet.Length)]));
        return body + CreditCode.CheckCharacter(body);
    }

    public static string NewShortCode() => string.Concat(Enumerable.Range(0, 6).Select(_ => "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"[Random.Shared.Next(32)]));

    public static RegisterEnterpriseRequest Enterprise(string? creditCode = null, string district = "310116", double lat = 30.7265, double lon = 121.3342, string name = "上海金山化工有限公司") =>
        new(creditCode ?? NewCreditCode(district), name, NewShortCode(), district, "上海市金山区卫二路88号", lat, lon, "张伟", "021-57940000");

    public static async Task<EnterpriseResponse> RegisterAsync(this HttpClient client, RegisterEnterpriseRequest? request = null)
    {
        using var response = await client.PostAsJsonAsync("/api/hazards/enterprises", request ?? Enterprise(), Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<EnterpriseResponse>(Json))!;
    }

    public static RegisterProductRequest Product(string cas = Ammonia, string tradeName = "液氨(工业级)") =>
        HazardExamples.Product with { Cas = cas, TradeName = tradeName };

    public static async Task<ProductResponse> RegisterProductAsync(this HttpClient client, Guid enterpriseId, RegisterProductRequest? request = null)
    {
        using var response = await client.PostAsJsonAsync($"/api/hazards/enterprises/{enterpriseId}/products", request ?? Product(), Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ProductResponse>(Json))!;
    }

    public static ScanRequest Scan(string step, Guid actor, decimal quantity = 400, Guid? consignee = null, DateTimeOffset? at = null) =>
        new(step, actor, 30.7265, 121.3342, "上海市金山区卫二路88号", quantity, "kg", at, "李强", step == "shipping" ? "YD2026112000017" : null, consignee);

    public static Task<HttpResponseMessage> ScanAsync(this HttpClient client, string code, ScanRequest scan) =>
        client.PostAsJsonAsync($"/api/hazards/codes/{code}/scans", scan, Json);

    public static async Task<ScanResponse> ScanOkAsync(this HttpClient client, string code, ScanRequest scan)
    {
        using var response = await client.ScanAsync(code, scan);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ScanResponse>(Json))!;
    }

    /// <summary>The items of a paged answer (<c>data</c>), asserting it is a 200.</summary>
    public static async Task<List<T>> PageDataAsync<T>(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. (await response.Content.ReadFromJsonAsync<EmergencyOps.ServiceDefaults.PaginatedItems<T>>(Json))!.Data];
    }

    public static async Task<List<ScanResponse>> TraceAsync(this HttpClient client, string code) =>
        [.. (await client.GetFromJsonAsync<EmergencyOps.ServiceDefaults.PaginatedItems<ScanResponse>>($"/api/hazards/codes/{code}/trace?pageSize=200", Json))!.Data];

    public static UnitRequest Unit(int people, params (string Cas, decimal Tonnes)[] substances) =>
        new("store", $"unit-{Guid.NewGuid():N}"[..12], people, [.. substances.Select(s => new UnitSubstanceRequest(s.Cas, s.Tonnes))]);

    public static async Task<UnitEvaluationResponse> DeclareAsync(this HttpClient client, Guid enterpriseId, UnitRequest unit)
    {
        using var response = await client.PostAsJsonAsync($"/api/hazards/enterprises/{enterpriseId}/units", unit, Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<UnitEvaluationResponse>(Json))!;
    }

    public static async Task<UnitEvaluationResponse> ChangeAsync(this HttpClient client, Guid enterpriseId, Guid unitId, UnitRequest unit)
    {
        using var response = await client.PutAsJsonAsync($"/api/hazards/enterprises/{enterpriseId}/units/{unitId}", unit, Json);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<UnitEvaluationResponse>(Json))!;
    }
}
