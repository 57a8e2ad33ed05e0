using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EmergencyOps.AppHost.Tests.Faults;

/// <summary>One request the suite sent and what the system answered; 0 stands for no answer (a cut connection).</summary>
public sealed record Sent(string Key, int Quantity, HttpStatusCode Status, Guid? Id = null)
{
    public bool Acknowledged => (int)Status is >= 200 and < 300;
}

/// <summary>The operations the fault suite records, sent through the gateway as the warehouses and the centre send them.</summary>
public static class Operations
{
    /// <summary>A receipt with its own Idempotency-Key (the voucher carries the key, so the ledger can be matched to the record).</summary>
    public static Task<Sent> ReceiveAsync(HttpClient client, Guid warehouse, int quantity, string? key = null) =>
        ChangeAsync(client, warehouse, "receipt", quantity, key);

    /// <summary>A stock change of sandbags (receipt or issue) with its own Idempotency-Key, which the voucher repeats.</summary>
    public static async Task<Sent> ChangeAsync(HttpClient client, Guid warehouse, string kind, int quantity, string? key = null)
    {
        key ??= Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/inventory/warehouses/{warehouse}/stock-changes")
        {
            Content = JsonContent.Create(new { kind, materialCode = "FC-SANDBAG", quantity, reason = kind == "receipt" ? "到货入库" : "防汛领用", voucherReference = key }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return new Sent(key, quantity, await StatusAsync(client, request));
    }

    /// <summary>An orange exercise warning for one district, as the duty officer issues it.</summary>
    public static async Task<Sent> IssueAsync(HttpClient duty, string district, string headline)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/warnings")
        {
            Content = JsonContent.Create(new
            {
                type = "rainstorm", level = "orange", status = "Exercise", area = new { districtCodes = new[] { district } }, headline,
                description = "演练：预计未来3小时累计降水量将达100毫米以上。", instruction = "演练：停止户外作业。",
            }),
        };
        try
        {
            using var response = await duty.SendAsync(request);
            Guid? id = response.StatusCode == HttpStatusCode.Created
                ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid()
                : null;
            return new Sent(headline, 0, response.StatusCode, id);
        }
        catch (HttpRequestException)
        {
            return new Sent(headline, 0, 0);
        }
    }

    /// <summary>Every ledger entry of the warehouse, oldest first.</summary>
    public static async Task<IReadOnlyList<JsonElement>> LedgerAsync(HttpClient client, Guid warehouse)
    {
        var entries = new List<JsonElement>();
        for (var page = 0; ; page++)
        {
            var body = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/inventory/warehouses/{warehouse}/ledger?pageIndex={page}&pageSize=100", UriKind.Relative))).RootElement;
            var data = body.GetProperty("data").EnumerateArray().Select(e => e.Clone()).ToList();
            entries.AddRange(data);
            if (data.Count < 100)
            {
                return [.. entries.OrderBy(e => e.GetProperty("sequence").GetInt64())];
            }
        }
    }

    /// <summary>Units of sandbags on hand in the warehouse.</summary>
    public static async Task<int> OnHandAsync(HttpClient client, Guid warehouse)
    {
        var balances = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/inventory/warehouses/{warehouse}/balances", UriKind.Relative))).RootElement;
        return balances.EnumerateArray().Where(b => b.GetProperty("materialCode").GetString() == "FC-SANDBAG").Sum(b => b.GetProperty("onHand").GetInt32());
    }

    /// <summary>The readiness reports inventory stored for the warning (one per application of its WarningIssued).</summary>
    public static async Task<int> ReadinessReportsAsync(HttpClient client, Guid warning) =>
        JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/inventory/readiness?warningId={warning}", UriKind.Relative))).RootElement.GetArrayLength();

    /// <summary>A shelter the administrator registers in the district and the duty officer opens, with room for <paramref name="capacity"/> people.</summary>
    public static async Task<Guid> ShelterAsync(HttpClient admin, HttpClient duty, string district, int capacity)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        using var registered = await SystemData.PostAsync(admin, "/api/shelters", new
        {
            name = $"故障演练避难场所-{district}-{suffix}", kind = "indoor", grade = "fixed", districtCode = district, address = "上海市避难场所演练路1号",
            latitude = 31.2470, longitude = 121.4100, usableArea = 400.0, capacity, facilities = new[] { "water", "power" },
            suitableHazards = new[] { "typhoon" }, unsuitableHazards = Array.Empty<string>(), manager = "陈立", contact = "021-52560000",
        });
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await registered.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        using var opened = await SystemData.PostAsync(duty, $"/api/shelters/{id}/status", new { status = "open", reason = "故障演练" });
        Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
        return id;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, HttpRequestMessage request)
    {
        try
        {
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }
}
