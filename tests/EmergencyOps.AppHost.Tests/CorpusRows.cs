using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmergencyOps.AppHost.Tests;

/// <summary>
/// Real rows for the bad-input corpus to aim at, made through the gateway from each operation's own request example, so
/// a broken request reaches the checks behind "not found". A row that cannot be made is named in the test's output and
/// its path value left to the generator (an id nothing has, answered 404).
/// </summary>
public sealed class CorpusRows(HttpClient admin, HttpClient duty, IReadOnlyDictionary<string, JsonElement> documents, Action<string> log)
{
    private readonly Dictionary<string, string> _values = [];

    /// <summary>The value a path parameter takes, by service, template and name.</summary>
    public string? Value(string service, string template, string name) =>
        _values.GetValueOrDefault($"{service} {template} {name}") ?? _values.GetValueOrDefault($"{service} * {name}");

    public async Task MakeAsync()
    {
        var enterprise = (await SystemData.EnterpriseAsync(admin, "91310116MA1J8K3X7T", "上海金山石化危化品储运有限公司", "JSCY")).ToString();
        Set("hazards", "*", "id", enterprise);
        Set("hazards", "*", "cas", "7664-41-7");
        Set("hazards", "*", "n", "1");
        using (var product = await admin.PostAsJsonAsync($"/api/hazards/enterprises/{enterprise}/products", SystemData.Product("液氨(语料)")))
        {
            Set("hazards", "*", "code", await FieldAsync(product, "code"));
        }
        Set("hazards", "*", "unitId", await FromExampleAsync("hazards", "/api/hazards/enterprises/{id}/units", "unitId", "id"));
        Set("hazards", "*", "riskPointId", await FromExampleAsync("hazards", "/api/hazards/enterprises/{id}/risk-points", "id"));
        Set("hazards", "*", "version", await FromExampleAsync("hazards", "/api/hazards/enterprises/{id}/risk-lists", "version"));
        Set("hazards", "*", "dangerId", await FromExampleAsync("hazards", "/api/hazards/enterprises/{id}/hidden-dangers", "id"));
        var enterpriseCode = await FromExampleAsync("hazards", "/api/hazards/enterprises/{id}/code", "code");
        Set("hazards", "/api/hazards/tables/gb18218/categories/{code}", "code", "W2");
        foreach (var template in Templates("hazards").Where(t => t.Contains("enterprise-codes/{code}", StringComparison.Ordinal)))
        {
            Set("hazards", template, "code", enterpriseCode);
        }
        Set("hazards", "*", "receipt", enterpriseCode is null ? null
            : await FromExampleAsync("hazards", "/api/hazards/enterprise-codes/{code}/hidden-dangers", "receipt", path: ("code", enterpriseCode)));

        var (a, b) = (await SystemData.WarehouseAsync(admin, "BI-CORPUS-A", "语料仓库甲"), await SystemData.WarehouseAsync(admin, "BI-CORPUS-B", "语料仓库乙"));
        Set("inventory", "*", "id", a.ToString());
        Set("inventory", "*", "code", "LV-TENT");
        Set("inventory", "*", "materialCode", "LV-TENT");
        using (var receipt = await SystemData.PostAsync(admin, $"/api/inventory/warehouses/{a}/stock-changes", new { kind = "receipt", materialCode = "LV-TENT", quantity = 100 }))
        {
            log($"inventory receipt: {(int)receipt.StatusCode}");
        }
        using (var transfer = await SystemData.PostAsync(duty, "/api/inventory/transfers", new { fromWarehouseId = a, toWarehouseId = b, materialCode = "LV-TENT", quantity = 10, reason = "调拨" }))
        {
            var id = await FieldAsync(transfer, "id");
            foreach (var template in Templates("inventory").Where(t => t.StartsWith("/api/inventory/transfers", StringComparison.Ordinal)))
            {
                Set("inventory", template, "id", id);
            }
        }

        Set("shelters", "*", "id", await FromExampleAsync("shelters", "/api/shelters", "id"));
        Set("warnings", "*", "id", await FromExampleAsync("warnings", "/api/warnings", "id", client: duty, tweak: w =>
        {
            // The example's times are a past typhoon's: without them the warning is in force from now on, so it is made.
            w["level"] = "blue";
            w["responsibleUnits"] = new JsonArray();
            w.Remove("effective");
            w.Remove("onset");
            w.Remove("expires");
        }));
        Set("warnings", "*", "version", "1");
        await FromExampleAsync("warnings", "/api/warnings/thresholds/{indicator}", "indicator", method: "put", path: ("indicator", "rainfall-1h"));
        Set("warnings", "*", "indicator", "rainfall-1h");
        Set("webhooks", "*", "id", await FromExampleAsync("webhooks", "/api/webhooks/subscriptions", "id"));
    }

    private IEnumerable<string> Templates(string service) => documents[service].GetProperty("paths").EnumerateObject().Select(p => p.Name);

    private void Set(string service, string template, string name, string? value)
    {
        if (value is not null)
        {
            _values[$"{service} {template} {name}"] = value;
        }
    }

    // Sends the operation's example (with the values known so far in its path) and reads the first field found.
    private async Task<string?> FromExampleAsync(
        string service, string template, string field, string? alternative = null, string method = "post", (string Name, string Value)? path = null, Action<JsonObject>? tweak = null, HttpClient? client = null)
    {
        if (!documents[service].GetProperty("paths").TryGetProperty(template, out var item) || !item.TryGetProperty(method, out var operation))
        {
            log($"{method} {template}: not in the {service} document");
            return null;
        }
        // An operation without a body (filing a risk list from what is recorded) is sent without one.
        var example = operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json)
            && json.TryGetProperty("example", out var e) ? JsonNode.Parse(e.GetRawText())!.AsObject() : null;
        if (example is not null)
        {
            tweak?.Invoke(example);
        }
        var url = template.Replace("{id}", Value(service, template, "id") ?? "", StringComparison.Ordinal);
        url = path is { } p ? url.Replace($"{{{p.Name}}}", Uri.EscapeDataString(p.Value), StringComparison.Ordinal) : url;
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url) { Content = example is null ? null : JsonContent.Create(example) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await (client ?? admin).SendAsync(request);
        return await FieldAsync(response, field, alternative);
    }

    private async Task<string?> FieldAsync(HttpResponseMessage response, string field, string? alternative = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        var found = response.IsSuccessStatusCode && text.Length > 0 ? Find(JsonDocument.Parse(text).RootElement, field) ?? (alternative is null ? null : Find(JsonDocument.Parse(text).RootElement, alternative)) : null;
        log($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}: {(int)response.StatusCode}, {field} = {found ?? "(none: " + text[..Math.Min(text.Length, 200)] + ")"}");
        return found;
    }

    private static string? Find(JsonElement element, string name) => element.ValueKind switch
    {
        JsonValueKind.Object => element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number ? value.ToString()
            : element.EnumerateObject().Select(p => Find(p.Value, name)).FirstOrDefault(v => v is not null),
        _ => null,
    };
}
