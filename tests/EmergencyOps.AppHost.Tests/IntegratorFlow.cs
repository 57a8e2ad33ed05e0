using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EmergencyOps.Identity.Client;
using EmergencyOps.Testing;
using EmergencyOps.Testing.Webhooks;

namespace EmergencyOps.AppHost.Tests;

/// <summary>A subscription as created: its id and its signing secret (shown once).</summary>
public sealed record Subscription(Guid Id, string Secret);

/// <summary>A delivery a receiver got, with the event it carries (the CloudEvent's <c>data</c>).</summary>
public sealed record Hook(ReceivedWebhook Webhook, JsonElement Data);

/// <summary>
/// The people and systems of the integrator flows, each with its own token through the gateway: the administrator sets
/// up shelters, warehouses and enterprises, a duty officer issues and lifts warnings, an integrator subscribes.
/// </summary>
public sealed partial class IntegratorFlow(HttpClient admin, HttpClient duty, HttpClient integrator, HttpClient traced, WebhookReceiver receiver) : IDisposable
{
    public static async Task<IntegratorFlow> StartAsync(SystemFixture system, WebhookReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(system);
        // A client that sends the traceparent the test sets instead of one of its own.
        var traced = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = system.Gateway.BaseAddress };
        traced.DefaultRequestHeaders.Authorization = TokenSource.Bearer(await system.Tokens.GetAsync("duty1"));
        return new IntegratorFlow(await system.AsAsync("admin"), await system.AsAsync("duty1"), await system.AsAsync("integrator-metro"), traced, receiver);
    }

    public async Task<Subscription> SubscribeAsync(string district, params string[] eventTypes)
    {
        var created = await PostAsync(integrator, "/api/webhooks/subscriptions", new
        {
            url = receiver.Url, eventTypes, filter = new { districtCodes = new[] { district } }, description = $"{district} 区平台",
        });
        return new Subscription(created.GetProperty("id").GetGuid(), created.GetProperty("secret").GetString()!);
    }

    public async Task<Guid> ShelterAsync(string district, string name, string[] suitable, string[] unsuitable, double latitude, double longitude) =>
        (await PostAsync(admin, "/api/shelters", new
        {
            name, kind = "indoor", grade = "fixed", districtCode = district, address = $"上海市{name}", latitude, longitude, usableArea = 8000, capacity = 2000,
            facilities = new[] { "water", "power", "toilets" }, suitableHazards = suitable, unsuitableHazards = unsuitable, manager = "场所管理员", contact = "021-12345678",
        })).GetProperty("id").GetGuid();

    public async Task<Guid> WarehouseWithNormAsync(string code, string name, string district, string material, int minimum, int onHand)
    {
        var warehouse = await SystemData.WarehouseAsync(admin, code, name, district);
        using (var norm = await admin.PutAsJsonAsync($"/api/inventory/warehouses/{warehouse}/norms/{material}", new { minimum, recoveryMargin = 0 }))
        {
            Assert.True(norm.IsSuccessStatusCode, await norm.Content.ReadAsStringAsync());
        }
        await PostAsync(admin, $"/api/inventory/warehouses/{warehouse}/stock-changes", new { kind = "receipt", materialCode = material, quantity = onHand, reason = "储备采购" });
        return warehouse;
    }

    public async Task<Guid> EnterpriseAsync(string creditCode, string name, string shortCode, string district, double latitude, double longitude) =>
        (await PostAsync(admin, "/api/hazards/enterprises", new
        {
            creditCode, name, shortCode, districtCode = district, address = "上海市", latitude, longitude, contact = "张伟", phone = "021-62880000",
        })).GetProperty("id").GetGuid();

    /// <summary>Issues an orange typhoon warning as the duty officer; with <paramref name="traceParent"/>, the request continues that trace.</summary>
    public async Task<Guid> IssueTyphoonAsync(string district, string headline, string? traceParent = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/warnings")
        {
            Content = JsonContent.Create(new
            {
                type = "typhoon", level = "orange", area = new { districtCodes = new[] { district } }, headline,
                description = "受台风影响，预计未来24小时将出现10级以上大风和暴雨。", instruction = "停止户外活动，人员转移至避难场所。",
            }),
        };
        if (traceParent is not null)
        {
            request.Headers.Add("traceparent", traceParent);
        }
        using var response = await (traceParent is null ? duty : traced).SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    public async Task LiftAsync(Guid warningId)
    {
        using var lifted = await duty.PostAsJsonAsync($"/api/warnings/{warningId}/lift", new { reason = "台风已减弱北上" });
        Assert.True(lifted.IsSuccessStatusCode, await lifted.Content.ReadAsStringAsync());
    }

    /// <summary>A reservation for the warning by the duty officer (a dispatcher), or null while inventory does not know the warning yet.</summary>
    public async Task<Guid?> TryReserveAsync(Guid warningId, Guid warehouse, string material, int quantity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/inventory/reservations")
        {
            Content = JsonContent.Create(new { warningId, warehouseId = warehouse, materialCode = material, quantity }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await duty.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
        {
            return null;
        }
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    public async Task<string> StatusOfAsync(Guid shelter) => (await GetJsonAsync($"/api/shelters/{shelter}")).GetProperty("status").GetString()!;

    public Task ShelterStatusAsync(Guid shelter, string status) =>
        Eventually.TrueAsync(async () => await StatusOfAsync(shelter) == status, $"shelter {shelter} {status}");

    public async Task<JsonElement> GetJsonAsync(string path) => JsonDocument.Parse(await admin.GetStringAsync(new Uri(path, UriKind.Relative))).RootElement;

    /// <summary>The open suggestion whose reason contains the text, once the warnings service has made it.</summary>
    public Task<JsonElement> SuggestionAsync(string reason) => Eventually.GetValueAsync(async () =>
        JsonDocument.Parse(await duty.GetStringAsync(new Uri("/api/warnings/suggestions", UriKind.Relative))).RootElement.EnumerateArray()
            .Where(s => s.GetProperty("reason").GetString()!.Contains(reason, StringComparison.Ordinal)).Select(s => (JsonElement?)s).FirstOrDefault(),
        $"a suggestion for “{reason}”");

    public Task<JsonElement> AdminPostAsync(string path, object body) => PostAsync(admin, path, body);

    public async Task<HttpStatusCode> AdminPostStatusAsync(string path, object body)
    {
        using var response = await SystemData.PostAsync(admin, path, body);
        return response.StatusCode;
    }

    /// <summary>
    /// The delivery of an event of <paramref name="eventType"/> matching <paramref name="match"/>, signed with the
    /// subscription's secret (Standard Webhooks, checked independently of the service), as a CloudEvent of that type.
    /// </summary>
    public async Task<Hook> DeliveredAsync(Subscription subscription, string eventType, Func<JsonElement, bool> match)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var cloudEventType = $".{Kebab().Replace(eventType, "-$1").ToLowerInvariant()}.v1";
        return await Eventually.GetAsync(() => Task.FromResult(receiver.Received
            .Select(w => (Webhook: w, Event: JsonDocument.Parse(w.Body).RootElement))
            .Where(w => w.Event.GetProperty("type").GetString()!.EndsWith(cloudEventType, StringComparison.Ordinal) && match(w.Event.GetProperty("data")))
            .Where(w => Signatures.Verifies(w.Webhook, subscription.Secret))
            .Select(w => new Hook(w.Webhook, w.Event.GetProperty("data"))).FirstOrDefault()), $"a signed {eventType} delivery for subscription {subscription.Id}");
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await SystemData.PostAsync(client, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex Kebab();

    public void Dispose()
    {
        admin.Dispose();
        duty.Dispose();
        integrator.Dispose();
        traced.Dispose();
    }
}
