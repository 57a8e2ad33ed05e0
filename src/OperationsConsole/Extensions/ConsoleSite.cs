namespace OperationsConsole.Extensions;

/// <summary>
/// Serves the operations console: static files the system ships (no script, style, font or map from elsewhere), its own
/// Content-Security-Policy, and the page for every console address (the sign-in callback included).
/// </summary>
public static class ConsoleSite
{
    /// <summary>Only this origin: the page talks to the APIs and the identity service through the same gateway.</summary>
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication MapConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = Policy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                // The page and its modules change with every release; the browser asks again instead of running old code.
                headers.CacheControl = "no-cache";
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        var page = app.Environment.WebRootFileProvider.GetFileInfo("index.html");
        // The console's own addresses (the sign-in callback) get the page; anything else unknown stays a 404.
        app.MapGet("/console/{**path}", () => Results.File(page.CreateReadStream(), "text/html; charset=utf-8"))
            .WithName("ConsolePage").AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
