using System.ComponentModel.DataAnnotations;

namespace EmergencyOps.ServiceDefaults.Input;

/// <summary>
/// A name, code or other one-line text: at most <c>maximumLength</c> characters, no control characters, tabs or line
/// breaks, and not blank (only spaces or invisible characters). Null means absent; whether it is required is the handler's rule.
/// As a <see cref="StringLengthAttribute"/>, the OpenAPI document shows the limit.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class TextAttribute(int maximumLength) : StringLengthAttribute(maximumLength)
{
    // The message is the result's own: an attribute instance is shared by concurrent requests.
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string text && Check(text, MaximumLength, allowLineBreaks: false, allowBlank: false) is { } problem
            ? new ValidationResult(problem, MemberNames(validationContext))
            : ValidationResult.Success;

    public override string FormatErrorMessage(string name) => $"At most {MaximumLength} characters, on one line.";

    internal static string? Check(string text, int maximum, bool allowLineBreaks, bool allowBlank) =>
        text.Length > maximum ? $"At most {maximum} characters ({text.Length} given)."
        : TextRules.FirstForbidden(text, allowLineBreaks) is { } at ? $"Contains {TextRules.Describe(text, at)}, which is not allowed here."
        : !allowBlank && TextRules.IsBlank(text) ? "Must not be empty or only spaces or invisible characters."
        : null;

    internal static string[]? MemberNames(ValidationContext context) => context.MemberName is { } member ? [member] : null;
}

/// <summary>Free text (a description, an instruction, a report): line breaks and tabs allowed, no other control characters.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class FreeTextAttribute(int maximumLength) : StringLengthAttribute(maximumLength)
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string text && TextAttribute.Check(text, MaximumLength, allowLineBreaks: true, allowBlank: true) is { } problem
            ? new ValidationResult(problem, TextAttribute.MemberNames(validationContext))
            : ValidationResult.Success;

    public override string FormatErrorMessage(string name) => $"At most {MaximumLength} characters.";
}

/// <summary>A list of one-line texts: at most <c>maximumCount</c> items, each as <see cref="TextAttribute"/> with <c>itemLength</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class TextListAttribute(int maximumCount, int itemLength) : MaxLengthAttribute(maximumCount)
{
    public int ItemLength { get; } = itemLength;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not IEnumerable<string> items)
        {
            return ValidationResult.Success;
        }
        var list = items.ToList();
        var problem = list.Count > Length ? $"At most {Length} items ({list.Count} given)."
            : list.Select((item, i) => TextAttribute.Check(item, ItemLength, allowLineBreaks: false, allowBlank: false) is { } p ? $"Item {i}: {p}" : null)
                .FirstOrDefault(p => p is not null);
        return problem is null ? ValidationResult.Success : new ValidationResult(problem, TextAttribute.MemberNames(validationContext));
    }
}
