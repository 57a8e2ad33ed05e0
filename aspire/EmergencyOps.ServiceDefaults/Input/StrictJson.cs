using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using EmergencyOps.ServiceDefaults.Times;

namespace EmergencyOps.ServiceDefaults.Input;

/// <summary>
/// The one JSON contract of every API: numbers are JSON numbers and finite, enums travel by name only, text is
/// representable in XML 1.0 (warnings become CAP), lists hold no nulls, a key appears once, and a time names its offset:
/// answers write it in China Standard Time (<c>+08:00</c>), requests may use any offset. The rules are checked on each
/// object once it is read (<see cref="JsonRules"/>), not by replacing the built-in converters, so the OpenAPI documents
/// keep describing every property's type. The enum and time converters are the exceptions: the built-in enum converter
/// cannot refuse a comma list, and writing every time in one zone takes a converter; <see cref="EnumSchemaTransformer"/>
/// and <see cref="OpenApi.TimeSchemaTransformer"/> keep their schemas there.
/// </summary>
public static class StrictJson
{
    public static void Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowDuplicateProperties = false;
        // Names in camelCase, e.g. "open", "orange"; "42" or 42 is not a name, nor "open,closed" or " open".
        options.Converters.Add(new StrictEnumConverter());
        options.Converters.Add(new ChinaDateTimeConverter());
        options.Converters.Add(new ChinaDateTimeOffsetConverter());
        var resolver = options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver();
        options.TypeInfoResolver = resolver.WithAddedModifier(JsonRules.Apply);
    }
}

/// <summary>A value that breaks <see cref="StrictJson"/>'s rules, naming the property (its JSON name).</summary>
public sealed class JsonRuleException(string property, string message) : JsonException(message)
{
    public string Property { get; } = property;
}
