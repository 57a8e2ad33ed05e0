using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace EmergencyOps.Integrators.Tests.AsyncApi;

/// <summary>The contracts' XML documentation (built beside their assembly), as plain text for the document's descriptions.</summary>
internal sealed partial class XmlDocs
{
    private readonly Dictionary<string, XElement> _members;

    private XmlDocs(Dictionary<string, XElement> members) => _members = members;

    public static XmlDocs For(System.Reflection.Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        var members = XDocument.Load(path).Descendants("member")
            .ToDictionary(m => (string)m.Attribute("name")!, m => m);
        return new XmlDocs(members);
    }

    public string? Summary(Type type) => Text(Member("T:" + type.FullName)?.Element("summary"));

    public string? Field(Type enumType, string name) => Text(Member($"F:{enumType.FullName}.{name}")?.Element("summary"));

    /// <summary>A record's positional parameter, documented with <c>param</c> on the type.</summary>
    public string? Parameter(Type type, string name) =>
        Text(Member("T:" + type.FullName)?.Elements("param").FirstOrDefault(p => (string?)p.Attribute("name") == name));

    private XElement? Member(string id) => _members.GetValueOrDefault(id);

    private static string? Text(XElement? element)
    {
        if (element is null)
        {
            return null;
        }
        foreach (var see in element.Descendants("see").ToList())
        {
            var target = (string?)see.Attribute("cref") ?? (string?)see.Attribute("langword") ?? "";
            see.ReplaceWith(target[(target.LastIndexOfAny(['.', ':']) + 1)..]);
        }
        foreach (var code in element.Descendants("c").ToList())
        {
            code.ReplaceWith($"`{code.Value}`");
        }
        return Spaces().Replace(element.Value, " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
