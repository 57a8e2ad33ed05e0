using System.Globalization;
using System.Text.Json;

namespace EmergencyOps.Samples.Integrator;

/// <summary>One integration event as it arrived: its type, when it happened, and a line for people.</summary>
/// <param name="Type">The event type, e.g. <c>MajorHazardSourceClassified</c>.</param>
/// <param name="MessageId">MassTransit's message id: the event id, stable across redeliveries, for deduplication.</param>
/// <param name="OccurredAt">The event's <c>occurredAt</c> (or the envelope's <c>sentTime</c>).</param>
/// <param name="Summary">A few of its fields, e.g. <c>districtCode=310116 level=Level1</c>.</param>
/// <param name="Message">The event itself (camelCase JSON, as in docs/asyncapi.yaml).</param>
public sealed record ReceivedEvent(string Type, Guid? MessageId, DateTimeOffset? OccurredAt, string Summary, JsonElement Message)
{
    // The fields worth a glance, in the order printed; an event shows those it has.
    private static readonly string[] SummaryFields =
    [
        "headline", "title", "name", "unitName", "enterpriseName", "level", "grade", "highest", "districtCode", "reason", "rule", "code",
    ];

    /// <summary>Reads MassTransit's JSON envelope: <c>messageType</c> (URNs, the event's own first), <c>messageId</c>, <c>sentTime</c>, <c>message</c>.</summary>
    public static ReceivedEvent Parse(ReadOnlySpan<byte> body)
    {
        using var document = JsonDocument.Parse(body.ToArray());
        var root = document.RootElement;
        var urn = root.GetProperty("messageType")[0].GetString() ?? throw new JsonException("messageType is empty");
        var type = urn[(urn.LastIndexOf(':') + 1)..];
        var message = root.GetProperty("message").Clone();
        Guid? id = root.TryGetProperty("messageId", out var m) && m.TryGetGuid(out var g) ? g : null;
        DateTimeOffset? time = message.TryGetProperty("occurredAt", out var at) && at.TryGetDateTimeOffset(out var t) ? t
            : root.TryGetProperty("sentTime", out var sent) && sent.TryGetDateTimeOffset(out var s) ? s : null;
        return new ReceivedEvent(type, id, time, Summarize(message), message);
    }

    private static string Summarize(JsonElement message)
    {
        var parts = SummaryFields
            .Where(f => message.TryGetProperty(f, out var v) && v.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            .Select(f => $"{f}={message.GetProperty(f)}");
        if (message.TryGetProperty("area", out var area) && area.TryGetProperty("districtCodes", out var codes))
        {
            parts = parts.Append("districts=" + string.Join(',', codes.EnumerateArray().Select(c => c.GetString())));
        }
        return string.Join(' ', parts);
    }

    public override string ToString() =>
        $"{OccurredAt?.ToString("u", CultureInfo.InvariantCulture) ?? "?"} {Type} {Summary}";
}
