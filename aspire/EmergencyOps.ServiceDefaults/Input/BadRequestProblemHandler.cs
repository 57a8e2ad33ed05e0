using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace EmergencyOps.ServiceDefaults.Input;

/// <summary>
/// A request that cannot be bound (malformed JSON, a value of the wrong type, a missing body, a query value that is
/// not a number) is answered with an RFC 9457 problem whose <c>errors</c> name the field by its JSON path or
/// parameter name and say what was expected, instead of a bare "Bad Request".
/// </summary>
internal sealed partial class BadRequestProblemHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        var (field, message) = Describe(bad);
        httpContext.Response.StatusCode = bad.StatusCode;
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => "Request body too large",
                StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
                _ => "One or more validation errors occurred.",
            },
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    internal static (string Field, string Message) Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonRuleException rule)
        {
            return (Field(rule.Path) is "body" ? rule.Property : $"{Field(rule.Path)}.{rule.Property}", rule.Message);
        }
        if (bad.InnerException is JsonException json)
        {
            return (Field(json.Path), Expected(json));
        }
        if (BindFailure().Match(bad.Message) is { Success: true } bind)
        {
            return (bind.Groups["name"].Value, $"{ExpectedFor(bind.Groups["type"].Value)} Got '{Shorten(bind.Groups["value"].Value)}'.");
        }
        if (Missing().Match(bad.Message) is { Success: true } missing)
        {
            return missing.Groups["source"].Value == "body"
                ? ("body", "A JSON body is required.")
                : (missing.Groups["name"].Value, "Required.");
        }
        return bad.StatusCode switch
        {
            StatusCodes.Status415UnsupportedMediaType => ("Content-Type", "Send the body as application/json."),
            _ when bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) => ("body", bad.Message),
            _ => ("request", bad.Message),
        };
    }

    // "$.area.districtCodes[2]" → "area.districtCodes[2]"; the document itself → "body".
    private static string Field(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string Expected(JsonException json)
    {
        var text = json.Message.Split(" Path: ", 2)[0].Trim();
        if (Conversion().Match(text) is not { Success: true } conversion)
        {
            return text.Contains("uplicate", StringComparison.Ordinal) ? text : $"Not valid JSON: {text}";
        }
        // A record bound through its constructor reports its own type: the property the path ends in is what failed.
        var type = conversion.Groups["type"].Value;
        var property = json.Path?.Split('.')[^1].Split('[')[0];
        return PropertyType(type, property) is { } propertyType ? ExpectedFor(propertyType) : ExpectedFor(type);
    }

    private static Type? PropertyType(string typeName, string? jsonName)
    {
        if (string.IsNullOrEmpty(jsonName) || jsonName == "$")
        {
            return null;
        }
        var type = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(typeName, throwOnError: false)).FirstOrDefault(t => t is not null);
        return type?.GetProperties().FirstOrDefault(p => string.Equals(p.Name, jsonName, StringComparison.OrdinalIgnoreCase))?.PropertyType;
    }

    private static string ExpectedFor(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsEnum ? $"Expected one of: {string.Join(", ", Enum.GetNames(t).Select(JsonNamingPolicy.CamelCase.ConvertName))}."
            : t != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(t) ? "Expected a list (a JSON array)."
            : ExpectedFor(t.Name);
    }

    private static string ExpectedFor(string typeName) => typeName.Split('.', '`')[^1].TrimEnd(']') switch
    {
        "int" or "long" or "short" or "byte" or "Int16" or "Int32" or "Int64" or "Byte" or "UInt16" or "UInt32" or "UInt64" => "Expected a whole number in range.",
        "double" or "float" or "decimal" or "Double" or "Single" or "Decimal" => "Expected a finite number.",
        "bool" or "Boolean" => "Expected true or false.",
        "Guid" => "Expected a UUID.",
        "DateOnly" => "Expected a date (yyyy-MM-dd).",
        "DateTime" or "DateTimeOffset" => "Expected a date and time with its offset (ISO 8601, e.g. 2026-11-29T08:00:00+08:00 or 2026-11-29T00:00:00Z).",
        "string" or "String" => "Expected text (a JSON string) with valid escapes.",
        var other when other.Contains("List", StringComparison.Ordinal) || other.EndsWith("[]", StringComparison.Ordinal) => "Expected a list (a JSON array).",
        _ => "Expected a JSON object.",
    };

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex(@"^The JSON value could not be converted to (?<type>\S+?)\.?$")]
    private static partial Regex Conversion();

    [GeneratedRegex("^Failed to bind parameter \"(?<type>.+) (?<name>[^ \"]+)\" from \"(?<value>.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex BindFailure();

    [GeneratedRegex("^(?:Required parameter|Implicit body inferred for parameter) \"(?<type>.+) (?<name>[^ \"]+)\" (?:was not provided from (?<source>[a-z ]+)|but no (?<source>body) was provided)", RegexOptions.Singleline)]
    private static partial Regex Missing();
}
