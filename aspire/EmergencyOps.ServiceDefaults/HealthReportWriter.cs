using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EmergencyOps.ServiceDefaults;

/// <summary>Writes a health report as JSON so operators (and the gateway) see which dependency failed.</summary>
public static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json";
        var body = new HealthReportBody(
            report.Status.ToString(),
            report.Entries.ToDictionary(
                e => e.Key,
                e => new HealthEntryBody(e.Value.Status.ToString(), e.Value.Description ?? e.Value.Exception?.Message)));
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}

public sealed record HealthReportBody(string Status, IReadOnlyDictionary<string, HealthEntryBody> Entries);

public sealed record HealthEntryBody(string Status, string? Description);
