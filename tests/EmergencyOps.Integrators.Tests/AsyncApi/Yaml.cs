using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EmergencyOps.Integrators.Tests.AsyncApi;

/// <summary>
/// JSON trees to block-style YAML and back. Written by hand so that the output is stable and every string that
/// could read as something else (a number, a boolean, a key) is quoted, JSON-style.
/// </summary>
internal static partial class Yaml
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(JsonNode node)
    {
        var text = new StringBuilder();
        WriteNode(text, node, 0);
        return text.ToString();
    }

    public static JsonNode? Read(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return ToJson(stream.Documents[0].RootNode);
    }

    private static void WriteNode(StringBuilder text, JsonNode node, int indent)
    {
        var pad = new string(' ', indent);
        if (node is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                text.Append(pad).Append(Scalar(key)).Append(':');
                WriteValue(text, value, indent);
            }
        }
        else
        {
            foreach (var item in node.AsArray())
            {
                text.Append(pad).Append('-');
                if (item is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
                {
                    // The item's first line follows its dash; the rest line up under it.
                    var nested = new StringBuilder();
                    WriteNode(nested, item, indent + 2);
                    text.Append(' ').Append(nested.ToString()[(indent + 2)..]);
                }
                else
                {
                    WriteValue(text, item, indent);
                }
            }
        }
    }

    private static void WriteValue(StringBuilder text, JsonNode? value, int indent)
    {
        switch (value)
        {
            case JsonObject { Count: 0 }: text.Append(" {}\n"); break;
            case JsonArray { Count: 0 }: text.Append(" []\n"); break;
            case JsonObject or JsonArray: text.Append('\n'); WriteNode(text, value, indent + 2); break;
            case null: text.Append(" null\n"); break;
            case JsonValue when value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is var block && block.Contains('\n', StringComparison.Ordinal):
                // Paragraphs read better as a literal block than as one quoted line with \n in it.
                text.Append(" |-\n");
                foreach (var line in block.Split('\n'))
                {
                    text.Append(line.Length == 0 ? "" : new string(' ', indent + 2) + line).Append('\n');
                }
                break;
            default:
                text.Append(' ').Append(value.GetValueKind() == JsonValueKind.String ? Scalar(value.GetValue<string>()) : value.ToJsonString()).Append('\n');
                break;
        }
    }

    private static string Scalar(string value) =>
        Plain().IsMatch(value) && !Reserved().IsMatch(value) ? value : JsonSerializer.Serialize(value, Quoting);

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJson)]),
        YamlScalarNode { Style: ScalarStyle.Plain } plain => PlainValue(plain.Value ?? ""),
        YamlScalarNode quoted => JsonValue.Create(quoted.Value),
        _ => throw new InvalidDataException($"Unexpected YAML node at {node.Start}"),
    };

    private static JsonValue? PlainValue(string value) => value switch
    {
        "" or "null" or "~" => null,
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        _ => JsonValue.Create(value),
    };

    // Letters first, then nothing YAML reads specially (no ": ", no " #", no trailing colon or space).
    [GeneratedRegex(@"^[\p{L}_][\p{L}\p{N} _./()+,'-]*(:[\p{L}\p{N}_./+-][\p{L}\p{N} _./()+,'-]*)*$")]
    private static partial Regex Plain();

    [GeneratedRegex(@"^(true|false|null|yes|no|on|off|y|n|~)$|\s$", RegexOptions.IgnoreCase)]
    private static partial Regex Reserved();
}
