using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EmergencyOps.AppHost.Tests;

/// <summary>Records the AppHost tests put into the running system through the gateway, as an administrator would.</summary>
public static class SystemData
{
    public static object Product(string tradeName) => new
    {
        cas = "7664-41-7", tradeName, concentration = "≥99.6%", packaging = "钢瓶 1 t",
        sds = new { sections = Enumerable.Range(1, 16).Select(n => new { number = n, content = $"第{n}部分" }) },
        label = new
        {
            nameZh = tradeName, nameEn = "Ammonia, anhydrous", pictograms = new[] { "GHS04", "GHS05", "GHS06", "GHS09" }, signalWord = "危险",
            hazardStatements = new[] { "H221", "H280", "H331", "H314", "H400" }, precautionaryStatements = new[] { "P280", "P260" },
            supplier = "上海金山石化, 上海市金山区, 021-57940001", emergencyPhone = "021-57940119",
        },
    };

    /// <summary>The warehouse with this code, registered in <paramref name="district"/> when it does not exist yet.</summary>
    public static async Task<Guid> WarehouseAsync(HttpClient admin, string code, string name, string district = "310115")
    {
        var list = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/inventory/warehouses", UriKind.Relative))).RootElement;
        if (list.EnumerateArray().FirstOrDefault(w => w.GetProperty("code").GetString() == code) is { ValueKind: JsonValueKind.Object } found)
        {
            return found.GetProperty("id").GetGuid();
        }
        using var registered = await PostAsync(admin, "/api/inventory/warehouses", new
        {
            code, name, tier = "district", districtCode = district, address = "上海市", latitude = 31.3, longitude = 121.6, manager = "仓库管理员", capacity = 3000,
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return JsonDocument.Parse(await registered.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>The enterprise with this credit code (registered when missing; a second registration is refused and changes nothing).</summary>
    public static async Task<Guid> EnterpriseAsync(HttpClient admin, string creditCode, string name, string shortCode)
    {
        using var registered = await admin.PostAsJsonAsync("/api/hazards/enterprises", new
        {
            creditCode, name, shortCode, districtCode = "310116", address = "上海市金山区", latitude = 30.73, longitude = 121.33, contact = "张伟", phone = "021-57940001",
        });
        var list = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/hazards/enterprises?pageSize=200", UriKind.Relative))).RootElement;
        return list.GetProperty("data").EnumerateArray().Single(e => e.GetProperty("creditCode").GetString() == creditCode).GetProperty("id").GetGuid();
    }

    /// <summary>A POST with an Idempotency-Key, as the endpoints that require one expect.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }
}
