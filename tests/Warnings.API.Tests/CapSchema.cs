using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Warnings.API.Tests;

/// <summary>Validates documents against the OASIS CAP 1.2 schema; every CAP document a test produces goes through it.</summary>
public static class CapSchema
{
    public static readonly XNamespace Cap = "urn:oasis:names:tc:emergency:cap:1.2";

    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var set = new XmlSchemaSet();
        set.Add("urn:oasis:names:tc:emergency:cap:1.2", Path.Combine(AppContext.BaseDirectory, "Schemas", "cap12.xsd"));
        set.Compile();
        return set;
    });

    public static XDocument AssertValid(string xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas.Value };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message}");
        using (var reader = XmlReader.Create(new StringReader(xml), settings))
        {
            while (reader.Read())
            {
            }
        }
        Assert.True(errors.Count == 0, $"CAP document invalid against cap12.xsd:\n{string.Join('\n', errors)}\n{xml}");
        return XDocument.Parse(xml);
    }

    public static string Value(this XDocument doc, string element) =>
        doc.Descendants(Cap + element).First().Value;

    public static async Task<XDocument> GetCapAsync(this HttpClient client, Guid id, int? version = null)
    {
        using var response = await client.GetAsync(new Uri(version is null ? $"/api/warnings/{id}/cap" : $"/api/warnings/{id}/versions/{version}/cap", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/cap+xml", response.Content.Headers.ContentType?.MediaType);
        return AssertValid(await response.Content.ReadAsStringAsync());
    }
}
