using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmergencyOps.Gateway.Tests;

/// <summary>A real Kestrel service behind the gateway: echoes what reached it, streams SSE on demand, reports readiness.</summary>
public sealed class FakeService : IAsyncDisposable
{
    private readonly WebApplication _app;

    public FakeService()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/health/ready", () => Ready ? Results.Ok() : Results.StatusCode(503));
        // A route handler (its result is written), not a RequestDelegate.
        Delegate echo = EchoAsync;
        _app.MapMethods("/api/{area}/echo/{**rest}", ["GET", "POST"], echo);
        // The identity service's own paths (tokens, discovery, login pages) echo too.
        _app.MapMethods("/connect/{**rest}", ["GET", "POST"], echo);
        _app.MapGet("/.well-known/{**rest}", echo);
        _app.MapGet("/account/echo/{**rest}", echo);
        // A page without a policy of its own, and one with (the identity service's login page sets one).
        _app.MapGet("/account/page", () => Results.Content(Page, "text/html; charset=utf-8"));
        _app.MapGet("/account/page-with-policy", (HttpContext http) =>
        {
            http.Response.Headers.ContentSecurityPolicy = OwnPolicy;
            return Results.Content(Page, "text/html; charset=utf-8");
        });
        _app.MapGet("/api/{area}/stream", async (HttpContext http) =>
        {
            http.Response.ContentType = "text/event-stream";
            await http.Response.WriteAsync("id: 1\ndata: first\n\n");
            await http.Response.Body.FlushAsync();
            await ReleaseSecondEvent.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await http.Response.WriteAsync("id: 2\ndata: second\n\n");
        });
        _app.MapGet("/openapi/v1.json", () => Results.Json(new { openapi = "3.1.1", info = new { title = Name } }));
    }

    public const string OwnPolicy = "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string Page = "<!doctype html><html><head><title>Sign in</title></head><body><form method=\"post\"></form></body></html>";

    public string Name { get; init; } = "fake";

    public bool Ready { get; set; } = true;

    public TaskCompletionSource ReleaseSecondEvent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    public async Task<FakeService> StartAsync()
    {
        await _app.StartAsync();
        return this;
    }

    private async Task<IResult> EchoAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        return Results.Json(new Echo(
            http.Request.Method,
            http.Request.Path + http.Request.QueryString,
            await reader.ReadToEndAsync(),
            http.Request.Headers["X-Correlation-ID"].ToString(),
            http.Request.Headers["X-Forwarded-For"].ToString(),
            http.Request.Headers["X-Forwarded-Host"].ToString(),
            http.Request.Headers["X-Forwarded-Proto"].ToString(),
            http.Request.ContentLength,
            Name));
    }

    public async ValueTask DisposeAsync()
    {
        ReleaseSecondEvent.TrySetResult();
        await _app.DisposeAsync();
    }
}

public sealed record Echo(
    string Method, string PathAndQuery, string Body, string CorrelationId, string ForwardedFor, string ForwardedHost, string ForwardedProto,
    long? ContentLength, string Service);
