using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmergencyOps.ServiceDefaults.Input;

/// <summary>
/// The one JSON contract of every API: numbers are JSON numbers and finite, enums travel by name only,
/// text is representable in XML 1.0 (warnings become CAP), lists hold no nulls, and a key appears once.
/// </summary>
public static class StrictJson
{
    public static void Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new FiniteDoubleConverter());
        options.Converters.Add(new FiniteSingleConverter());
        options.Converters.Add(new XmlSafeStringConverter());
        options.Converters.Add(new NoNullElementsConverterFactory());
        // Names in camelCase, e.g. "open", "orange"; "42" or 42 is not a name.
        options.Converters.Add(new NamedEnumConverterFactory());
    }
}
