using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.Testing;

namespace Webhooks.API.Tests;

/// <summary>The webhook API as the tests call it, answers read as JSON (what an integrator sees).</summary>
public static class WebhookCalls
{
    public sealed record Created(Guid Id, string Secret, JsonElement Subscription);

    public static object Subscription(string url, string[] eventTypes, object? filter = null, bool? allowPrivateNetwork = null) =>
        new { url, eventTypes, filter, description = "测试订阅", allowPrivateNetwork };

    public static async Task<Created> SubscribeOkAsync(this HttpClient client, string url, string[] eventTypes, object? filter = null, bool? allowPrivateNetwork = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsJsonAsync("/api/webhooks/subscriptions", Subscription(url, eventTypes, filter, allowPrivateNetwork));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal($"/api/webhooks/subscriptions/{json.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);
        return new Created(json.GetProperty("id").GetGuid(), json.GetProperty("secret").GetString()!, json.GetProperty("subscription").Clone());
    }

    public static async Task<JsonElement> JsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> PostOkAsync(this HttpClient client, string url, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = body is null ? await client.PostAsync(new Uri(url, UriKind.Relative), null) : await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The subscription's deliveries (optionally of one status), newest first.</summary>
    public static async Task<IReadOnlyList<JsonElement>> DeliveriesAsync(this HttpClient client, Guid subscriptionId, string? status = null) =>
        [.. (await client.JsonAsync($"/api/webhooks/subscriptions/{subscriptionId}/deliveries?pageSize=200{(status is null ? "" : "&status=" + status)}"))
            .GetProperty("data").EnumerateArray()];

    /// <summary>Waits until the subscription's delivery of <paramref name="eventId"/> satisfies <paramref name="done"/>.</summary>
    public static async Task<JsonElement> DeliveryAsync(this HttpClient client, Guid subscriptionId, Guid eventId, Func<JsonElement, bool> done, string what)
    {
        var raw = await Eventually.GetAsync(async () =>
            (await client.DeliveriesAsync(subscriptionId)).Where(d => d.GetProperty("eventId").GetGuid() == eventId && done(d)).Select(d => d.GetRawText()).FirstOrDefault(),
            what);
        return JsonDocument.Parse(raw).RootElement.Clone();
    }

    public static string Status(this JsonElement delivery) => delivery.GetProperty("status").GetString()!;

    public static int AttemptCount(this JsonElement delivery) => delivery.GetProperty("attemptCount").GetInt32();

    public static DateTimeOffset? NextAttemptAt(this JsonElement delivery) =>
        delivery.GetProperty("nextAttemptAt").ValueKind == JsonValueKind.Null ? null : delivery.GetProperty("nextAttemptAt").GetDateTimeOffset();
}
