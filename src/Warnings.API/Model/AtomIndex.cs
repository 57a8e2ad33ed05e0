using System.Xml.Linq;
using EmergencyOps.Geography;
using Warnings.API.Extensions;

namespace Warnings.API.Model;

/// <summary>
/// An Atom index of the active CAP alerts: one entry per warning, linking to its current CAP document. Stored text
/// goes in as XML can carry it, so one row written before input was checked cannot break the index.
/// </summary>
public static class AtomIndex
{
    public const string ContentType = "application/atom+xml";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static XDocument Build(IReadOnlyList<(Warning Warning, WarningVersion Version)> active, WarningsOptions options, DateTime now)
    {
        var self = $"{options.PublicBaseUrl}/api/warnings/cap.atom";
        var updated = active.Count > 0 ? active.Max(a => a.Version.Sent!.Value) : now;
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "id", self),
            new XElement(Atom + "title", $"{options.SenderName} 生效预警 (CAP 1.2)"),
            new XElement(Atom + "updated", CapDocument.Time(updated)),
            new XElement(Atom + "author", new XElement(Atom + "name", options.SenderName)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", self)),
            active.Select(a => Entry(a.Warning, a.Version, options)));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), feed);
    }

    private static XElement Entry(Warning w, WarningVersion v, WarningsOptions options)
    {
        var type = WarningTypeCatalogue.Find(w.Type)!;
        var cap = $"{options.PublicBaseUrl}/api/warnings/{w.Id}/cap";
        var districts = string.Join("、", v.DistrictCodes.Select(c => Districts.Find(c)?.Name ?? c));
        var summary = $"{type.NameZh}{v.Level.ColourZh()}预警 ({v.Level.GradeZh()}) · {v.Level.CapSeverity()} · {districts}"
            + (v.Expires is { } x ? $" · 有效至 {CapDocument.Time(x)}" : "");
        return new XElement(Atom + "entry",
            new XElement(Atom + "id", $"urn:cap:{CapDocument.Xml(v.Identifier)}"),
            new XElement(Atom + "title", CapDocument.Xml(v.Headline)),
            new XElement(Atom + "updated", CapDocument.Time(v.Sent!.Value)),
            new XElement(Atom + "published", CapDocument.Time(w.PublishedAt!.Value)),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", CapDocument.ContentType), new XAttribute("href", cap)),
            new XElement(Atom + "category", new XAttribute("term", type.Code), new XAttribute("label", type.NameZh)),
            new XElement(Atom + "category", new XAttribute("term", v.Level.Colour()), new XAttribute("label", v.Level.ColourZh())),
            new XElement(Atom + "summary", CapDocument.Xml(summary)));
    }
}
