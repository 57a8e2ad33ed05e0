using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;

namespace EmergencyOps.ServiceDefaults.Input;

/// <summary>A number within the domain's bounds (as a <see cref="RangeAttribute"/>, the OpenAPI document shows them).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class BoundedAttribute : RangeAttribute
{
    public BoundedAttribute(double minimum, double maximum) : base(minimum, maximum) => ParseLimitsInInvariantCulture = true;

    public BoundedAttribute(int minimum, int maximum) : base(minimum, maximum) => ParseLimitsInInvariantCulture = true;

    public override string FormatErrorMessage(string name) =>
        string.Create(CultureInfo.InvariantCulture, $"Must be from {Minimum} to {Maximum}.");
}

/// <summary>A list of at most <c>maximumCount</c> items (the OpenAPI document shows <c>maxItems</c>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class ItemsAttribute(int maximumCount) : MaxLengthAttribute(maximumCount)
{
    public override bool IsValid(object? value) => value is not ICollection collection || collection.Count <= Length;

    public override string FormatErrorMessage(string name) => $"At most {Length} items.";
}

/// <summary>
/// One of the documented names (case-insensitive), or for a list, each item one of them: never a number or another
/// spelling. The OpenAPI document lists the names as the schema's <c>enum</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class OneOfAttribute : ValidationAttribute
{
    public OneOfAttribute(params string[] names) => Names = names;

    /// <summary>The enum's member names in camelCase, as the APIs write them.</summary>
    public OneOfAttribute(Type enumType) =>
        Names = [.. Enum.GetNames(enumType ?? throw new ArgumentNullException(nameof(enumType))).Select(JsonNamingPolicy.CamelCase.ConvertName)];

    public IReadOnlyList<string> Names { get; }

    public bool Matches(string value) => Names.Any(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase));

    public override bool IsValid(object? value) => value switch
    {
        null => true,
        string text => Matches(text),
        IEnumerable<string> items => items.All(Matches),
        _ => false,
    };

    public override string FormatErrorMessage(string name) => $"Must be one of: {string.Join(", ", Names)}.";
}

/// <summary>
/// A time within the window an emergency system deals in (default 2000-01-01 to 2100-01-01): 0001-01-01 or 9999-12-31
/// is a typing or client error, and would overflow conversions to China Standard Time.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class MomentAttribute : ValidationAttribute
{
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override bool IsValid(object? value) => value switch
    {
        null => true,
        DateTimeOffset t => t >= Earliest && t <= Latest,
        DateTime t => t >= Earliest.UtcDateTime && t <= Latest.UtcDateTime,
        DateOnly d => d >= DateOnly.FromDateTime(Earliest.UtcDateTime) && d <= DateOnly.FromDateTime(Latest.UtcDateTime),
        _ => false,
    };

    public override string FormatErrorMessage(string name) => "Must be between 2000-01-01 and 2100-01-01.";
}
