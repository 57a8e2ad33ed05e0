using System.Text.Json;
using System.Text.Json.Serialization;
using EmergencyOps.Contracts.Warnings;

namespace Warnings.API.Model;

/// <summary>The data of a feed event: enough to show the warning on a wall screen, and where its CAP document is.</summary>
public sealed record FeedPayload(
    string Event, Guid WarningId, int Version, string Identifier, string MsgType, string Type, string TypeName,
    WarningLevel Level, string LevelZh, bool Exercise, string Headline, IReadOnlyList<string> DistrictCodes,
    string? Polygon, string? Circle, DateTimeOffset Sent, DateTimeOffset? Expires, string Cap)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static FeedPayload From(Warning w, WarningVersion v, FeedEntry e, string baseUrl) => new(
        e.EventType, w.Id, v.Number, v.Identifier!, CapMessageType(v.Kind), w.Type, WarningTypeCatalogue.Find(w.Type)?.NameZh ?? w.Type,
        v.Level, v.Level.ColourZh() + "预警", w.Exercise, v.Headline, v.DistrictCodes, v.Polygon, v.Circle,
        WarningPublisher.Local(v.Sent!.Value), v.Expires is { } x ? WarningPublisher.Local(x) : null, $"{baseUrl}/api/warnings/{w.Id}/cap");

    public static string CapMessageType(VersionKind kind) => kind switch
    {
        VersionKind.Issue => "Alert",
        VersionKind.Cancel => "Cancel",
        _ => "Update",
    };
}
