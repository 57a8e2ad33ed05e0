using System.Globalization;
using System.Xml.Linq;
using EmergencyOps.Geography;
using EmergencyOps.ServiceDefaults.Input;
using Warnings.API.Extensions;

namespace Warnings.API.Model;

/// <summary>
/// Writes a published version as a CAP 1.2 alert, elements in the order the schema's sequences require. Every stored
/// text passes through <see cref="TextRules.ForXml"/>: a row written before input was checked may hold a control
/// character, and one such row must not make the public alerting path fail.
/// </summary>
public static class CapDocument
{
    public const string ContentType = "application/cap+xml";
    public static readonly XNamespace Cap = "urn:oasis:names:tc:emergency:cap:1.2";

    public static XDocument Build(Warning warning, WarningVersion version, IReadOnlyList<WarningVersion> all, WarningsOptions options)
    {
        var type = WarningTypeCatalogue.Find(warning.Type)!;
        var msgType = FeedPayload.CapMessageType(version.Kind);
        var references = all.Where(v => v.Number < version.Number && v.Identifier is not null && v.Sent is not null)
            .OrderBy(v => v.Number).Select(v => $"{options.Sender},{Xml(v.Identifier)},{Time(v.Sent!.Value)}").ToList();
        var alert = new XElement(Cap + "alert",
            new XElement(Cap + "identifier", Xml(version.Identifier)),
            new XElement(Cap + "sender", options.Sender),
            new XElement(Cap + "sent", Time(version.Sent!.Value)),
            new XElement(Cap + "status", warning.Exercise ? "Exercise" : "Actual"),
            new XElement(Cap + "msgType", msgType),
            new XElement(Cap + "source", options.SenderName),
            new XElement(Cap + "scope", "Public"),
            version.Note is { Length: > 0 } note ? new XElement(Cap + "note", Xml(note)) : null,
            references.Count > 0 ? new XElement(Cap + "references", string.Join(' ', references)) : null,
            Info(warning, version, type, options));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), alert);
    }

    /// <summary>CAP's time form: seconds, explicit offset, never <c>Z</c> (China Standard Time).</summary>
    public static string Time(DateTime utc) => WarningPublisher.Local(utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static XElement Info(Warning warning, WarningVersion v, WarningTypeDefinition type, WarningsOptions options)
    {
        var ended = v.Kind is VersionKind.Lift or VersionKind.Expire;
        var responseType = v.Kind switch
        {
            VersionKind.Lift or VersionKind.Expire => "AllClear",
            VersionKind.Cancel => "None",
            VersionKind.Downgrade => "Monitor",
            _ => "Prepare",
        };
        return new XElement(Cap + "info",
            new XElement(Cap + "language", "zh-CN"),
            new XElement(Cap + "category", type.CapCategory),
            new XElement(Cap + "event", $"{type.NameZh}预警"),
            new XElement(Cap + "responseType", responseType),
            new XElement(Cap + "urgency", ended ? "Past" : v.Level.CapUrgency()),
            new XElement(Cap + "severity", ended ? "Minor" : v.Level.CapSeverity()),
            new XElement(Cap + "certainty", ended ? "Observed" : Xml(v.Certainty)),
            new XElement(Cap + "eventCode", new XElement(Cap + "valueName", "EmergencyOps"), new XElement(Cap + "value", type.Code)),
            new XElement(Cap + "effective", Time(v.Effective)),
            v.Onset is { } onset ? new XElement(Cap + "onset", Time(onset)) : null,
            v.Expires is { } expires && !ended ? new XElement(Cap + "expires", Time(expires)) : null,
            new XElement(Cap + "senderName", options.SenderName),
            new XElement(Cap + "headline", Xml(v.Headline)),
            new XElement(Cap + "description", Xml(v.Description)),
            v.Instruction is { Length: > 0 } instruction ? new XElement(Cap + "instruction", Xml(instruction)) : null,
            new XElement(Cap + "web", $"{options.PublicBaseUrl}/api/warnings/{warning.Id}"),
            Parameter("预警颜色", v.Level.ColourZh()),
            Parameter("预警级别", v.Level.GradeZh()),
            Parameter("colour", v.Level.Colour()),
            Area(v));
    }

    private static XElement Parameter(string name, string value) =>
        new(Cap + "parameter", new XElement(Cap + "valueName", name), new XElement(Cap + "value", value));

    private static XElement Area(WarningVersion v)
    {
        var names = v.DistrictCodes.Select(c => Districts.Find(c)?.Name ?? Xml(c)).ToList();
        var description = names.Count > 0 ? string.Join("、", names) : "上海市指定区域";
        return new XElement(Cap + "area",
            new XElement(Cap + "areaDesc", description),
            v.Polygon is { } polygon ? new XElement(Cap + "polygon", Xml(polygon)) : null,
            v.Circle is { } circle ? new XElement(Cap + "circle", Xml(circle)) : null,
            v.DistrictCodes.Select(c => new XElement(Cap + "geocode", new XElement(Cap + "valueName", "GB/T 2260"), new XElement(Cap + "value", Xml(c)))));
    }

    /// <summary>Stored text as XML 1.0 can carry it (characters it cannot become U+FFFD).</summary>
    public static string Xml(string? text) => text is null ? "" : TextRules.ForXml(text);
}
