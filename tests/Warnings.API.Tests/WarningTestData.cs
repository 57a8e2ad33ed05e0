using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.Testing;

namespace Warnings.API.Tests;

public static class WarningTestData
{
    public const string Pudong = "310115";
    public const string Jinshan = "310116";
    public const string Fengxian = "310120";
    public const string Chongming = "310151";

    public static object Typhoon(string level = "orange", string[]? districts = null, string[]? units = null, DateTimeOffset? expires = null, string? status = null) => new
    {
        type = "typhoon",
        level,
        area = new { districtCodes = districts ?? [Pudong, Jinshan, Fengxian, Chongming] },
        headline = "上海市台风橙色预警",
        description = "受今年第14号台风影响，预计未来24小时本市沿海地区将出现10级以上大风和暴雨。",
        instruction = "停止户外集体活动，加固临时搭建物，沿海人员撤离至避难场所。",
        expires = expires ?? DateTimeOffset.UtcNow.AddHours(12),
        responsibleUnits = units ?? ["浦东新区应急管理局", "金山区应急管理局"],
        status,
    };

    public static async Task<JsonElement> IssueAsync(this HttpClient client, object request, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var response = await client.PostAsJsonAsync("/api/warnings", request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> SendJsonAsync(this HttpClient client, string url, object? request, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.PostAsJsonAsync(url, request ?? new { });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Guid Id(this JsonElement warning) => warning.GetProperty("id").GetGuid();

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;

    /// <summary>Binds the caller to a responsible unit, as a token's <c>unit</c> claim does (percent-encoded: headers are ASCII).</summary>
    public static HttpClient BoundToUnit(this HttpClient client, string unit)
    {
        client.DefaultRequestHeaders.Add(EmergencyOps.ServiceDefaults.DevelopmentAuthenticationHandler.BindingHeader, $"{EmergencyOps.ServiceDefaults.IdentityClaims.Unit}={Uri.EscapeDataString(unit)}");
        return client;
    }

    public static HttpClient As(this HttpClient client, string user)
    {
        client.DefaultRequestHeaders.Remove("X-Development-User");
        client.DefaultRequestHeaders.Add("X-Development-User", user);
        return client;
    }
}
