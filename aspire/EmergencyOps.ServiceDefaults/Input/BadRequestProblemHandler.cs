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
        if (bad.InnerException is JsonException json)
        {
            return (Field(json.Path), Expected(json.Message));
        }
        if (BindFailure().Match(bad.Message) is { Success: true } bind)
        {
            return (bind.Groups["name"].Value, $"{Expected(bind.Groups["type"].Value)} Got '{Shorten(bind.Groups["value"].Value)}'.");
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

    private static string Expected(string message)
    {
        var text = message.Split(" Path: ", 2)[0].Trim();
        if (!text.StartsWith("The JSON value could not be converted to ", StringComparison.Ordinal)
            && !text.Contains(" Int", StringComparison.Ordinal) && !NumericType().IsMatch(text))
        {
            return text.Contains("invalid", StringComparison.OrdinalIgnoreCase) || text.Contains("expected", StringComparison.Ordinal)
                && !text.StartsWith("Expected", StringComparison.Ordinal)
                ? $"Not valid JSON: {text}"
                : text;
        }
        return text switch
        {
            _ when NumericType().IsMatch(text) && text.Contains("Int", StringComparison.Ordinal) => "Expected a whole number in range.",
            _ when NumericType().IsMatch(text) => "Expected a number.",
            _ when text.Contains("Boolean", StringComparison.Ordinal) => "Expected true or false.",
            _ when text.Contains("Guid", StringComparison.Ordinal) => "Expected a UUID.",
            _ when text.Contains("DateOnly", StringComparison.Ordinal) => "Expected a date (yyyy-MM-dd).",
            _ when text.Contains("DateTime", StringComparison.Ordinal) => "Expected a date and time (ISO 8601, e.g. 2026-11-29T08:00:00+08:00).",
            _ when text.Contains("String", StringComparison.Ordinal) => "Expected text (a JSON string).",
            _ when text.Contains("List", StringComparison.Ordinal) || text.Contains("[]", StringComparison.Ordinal) => "Expected a list (a JSON array).",
            _ when text.Contains("Request", StringComparison.Ordinal) => "Expected a JSON object.",
            _ => "Expected one of the documented values.",
        };
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex(@"(Int16|Int32|Int64|UInt\d+|Byte|Double|Single|Decimal|int|long|short|double|decimal|float)\b")]
    private static partial Regex NumericType();

    [GeneratedRegex("^Failed to bind parameter \"(?<type>.+) (?<name>[^ \"]+)\" from \"(?<value>.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex BindFailure();

    [GeneratedRegex("^(?:Required parameter|Implicit body inferred for parameter) \"(?<type>.+) (?<name>[^ \"]+)\" (?:was not provided from (?<source>[a-z ]+)|but no (?<source>body) was provided)", RegexOptions.Singleline)]
    private static partial Regex Missing();
}
