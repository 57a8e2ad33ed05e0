using System.Collections;
using System.Text.Json.Serialization.Metadata;

namespace EmergencyOps.ServiceDefaults.Input;

/// <summary>
/// Checks every object read from JSON: text without the characters XML 1.0 cannot carry and within
/// <see cref="MaxTextLength"/>, finite numbers, lists without null items. Writing is lenient instead: a number or enum
/// value already stored that JSON cannot express (∞, an undefined member) is left out, so one bad row never fails a response.
/// </summary>
public static class JsonRules
{
    /// <summary>No field of any request is longer; per-field limits (<see cref="TextAttribute"/>) are stricter.</summary>
    public const int MaxTextLength = 20_000;

    public static void Apply(JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        var checkedProperties = typeInfo.Properties.Where(p => p.Get is not null && IsChecked(p.PropertyType)).ToArray();
        if (checkedProperties.Length > 0)
        {
            var previous = typeInfo.OnDeserialized;
            typeInfo.OnDeserialized = value =>
            {
                previous?.Invoke(value);
                Check(value, checkedProperties);
            };
        }
        foreach (var property in typeInfo.Properties.Where(p => IsNumberOrEnum(p.PropertyType)))
        {
            var previous = property.ShouldSerialize;
            property.ShouldSerialize = (owner, value) => Expressible(value) && (previous?.Invoke(owner, value) ?? true);
        }
    }

    private static void Check(object owner, JsonPropertyInfo[] properties)
    {
        foreach (var property in properties)
        {
            if (Problem(property.Get!(owner)) is { } problem)
            {
                throw new JsonRuleException(property.Name, problem);
            }
        }
    }

    private static string? Problem(object? value) => value switch
    {
        null => null,
        string text when text.Length > MaxTextLength => $"Text is at most {MaxTextLength} characters.",
        string text => TextRules.FirstForbidden(text, allowLineBreaks: true) is { } at ? $"Contains {TextRules.Describe(text, at)}, which is not allowed." : null,
        double number when !double.IsFinite(number) => "Expected a finite number.",
        float number when !float.IsFinite(number) => "Expected a finite number.",
        IEnumerable items and not string => Items(items),
        _ => null,
    };

    private static string? Items(IEnumerable items)
    {
        var i = 0;
        foreach (var item in items)
        {
            if (item is null)
            {
                return $"Item {i} is null; a list holds no nulls.";
            }
            if (Problem(item) is { } problem)
            {
                return $"Item {i}: {problem}";
            }
            i++;
        }
        return null;
    }

    // Text, numbers that can be infinite, and lists (string is IEnumerable too).
    private static bool IsChecked(Type type) => IsFloating(type) || typeof(IEnumerable).IsAssignableFrom(type);

    private static bool IsFloating(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(double) || t == typeof(float));

    private static bool IsNumberOrEnum(Type type) => IsFloating(type) || (Nullable.GetUnderlyingType(type) ?? type).IsEnum;

    private static bool Expressible(object? value) => value switch
    {
        double d => double.IsFinite(d),
        float f => float.IsFinite(f),
        Enum e => Enum.IsDefined(e.GetType(), e),
        _ => true,
    };
}
