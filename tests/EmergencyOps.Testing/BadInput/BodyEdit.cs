using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmergencyOps.Testing.BadInput;

/// <summary>What one mutation does to a body: replace the value at a path by raw JSON, remove it, or add a property beside it.</summary>
public sealed record BodyEdit(string Path, string? Raw, BodyEditKind Kind = BodyEditKind.Replace, string? Name = null)
{
    public static BodyEdit Remove(string path) => new(path, null, BodyEditKind.Remove);

    /// <summary>A property <paramref name="name"/> added to the object at <paramref name="path"/> (<c>$</c> for the body).</summary>
    public static BodyEdit Add(string path, string name, string raw) => new(path, raw, BodyEditKind.Add, name);

    /// <summary>
    /// The body with every edit applied, as text: values are swapped in as markers and the markers for the raw text after
    /// serialising, since raw text may be no JSON at all (a number too large for any type, a broken escape).
    /// </summary>
    public static string Apply(JsonNode root, IEnumerable<BodyEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(root);
        var copy = root.DeepClone();
        var raws = new List<string>();
        foreach (var edit in edits)
        {
            var marker = $"\u0002EDIT{raws.Count}\u0002";
            var (parent, key, index) = Locate(copy, edit.Kind == BodyEditKind.Add ? edit.Path + ".\u0003" : edit.Path);
            if (edit.Kind == BodyEditKind.Add && parent is JsonObject target)
            {
                target[edit.Name!] = marker;
            }
            else if (edit.Kind == BodyEditKind.Remove)
            {
                if (parent is JsonObject o) { o.Remove(key!); }
                else if (parent is JsonArray a) { a.RemoveAt(index); }
                continue;
            }
            else if (parent is JsonObject o)
            {
                o[key!] = marker;
            }
            else if (parent is JsonArray a)
            {
                a[index] = marker;
            }
            raws.Add(edit.Raw ?? "null");
        }
        var text = copy.ToJsonString();
        for (var i = 0; i < raws.Count; i++)
        {
            text = text.Replace(JsonSerializer.Serialize($"\u0002EDIT{i}\u0002"), raws[i], StringComparison.Ordinal);
        }
        return text;
    }

    // The node holding the last step of a path like "$.area.districtCodes[0]", and that step (a key or an index).
    private static (JsonNode? Parent, string? Key, int Index) Locate(JsonNode root, string path)
    {
        JsonNode? parent = null, current = root;
        string? key = null;
        var index = -1;
        foreach (var step in path[1..].Replace("[", ".[", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            parent = current;
            (key, index) = step.StartsWith('[') ? (null, int.Parse(step[1..^1], CultureInfo.InvariantCulture)) : (step, -1);
            current = step == "\u0003" ? null : key is null ? current?[index] : current?[key];
        }
        return (parent, key, index);
    }
}

public enum BodyEditKind
{
    Replace,
    Remove,
    Add,
}
