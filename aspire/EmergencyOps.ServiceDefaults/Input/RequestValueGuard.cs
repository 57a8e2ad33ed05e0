using Microsoft.AspNetCore.Http;

namespace EmergencyOps.ServiceDefaults.Input;

/// <summary>
/// Query and route values are text too: no control characters and a length limit, for every endpoint, before any
/// handler sees them. Handlers still check what a value means (a district code, a level name).
/// </summary>
internal sealed class RequestValueGuard(RequestDelegate next)
{
    public const int MaxQueryValueLength = 4_000;
    public const int MaxRouteValueLength = 500;

    public Task InvokeAsync(HttpContext context)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, values) in context.Request.Query)
        {
            foreach (var value in values.OfType<string>())
            {
                Check(errors, name, value, MaxQueryValueLength);
            }
        }
        foreach (var (name, value) in context.Request.RouteValues)
        {
            if (value is string text)
            {
                Check(errors, name, text, MaxRouteValueLength);
            }
        }
        return errors.Count == 0 ? next(context) : TypedResults.ValidationProblem(errors).ExecuteAsync(context);
    }

    private static void Check(Dictionary<string, string[]> errors, string name, string value, int maximum)
    {
        var problem = value.Length > maximum ? $"At most {maximum} characters."
            : TextRules.FirstForbidden(value, allowLineBreaks: false) is { } at ? $"Contains {TextRules.Describe(value, at)}, which is not allowed."
            : null;
        if (problem is not null)
        {
            errors[name.Length is > 0 and <= 100 && TextRules.FirstForbidden(name, false) is null ? name : "query"] = [problem];
        }
    }
}
