using System.Security.Claims;
using Identity.API.Model;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.API.Apis;

/// <summary>The form a person posts to sign in.</summary>
public sealed record LoginForm(string? UserName, string? Password, string? ReturnUrl, string? Lang);

/// <summary>The sign-in page people reach from the console's authorization request. Anonymous by nature.</summary>
public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/login", Show).AllowAnonymous().ExcludeFromDescription();
        // The antiforgery token is checked in the handler, so a forged post gets a clear 400 rather than depending on middleware order.
        app.MapPost("/account/login", SignIn).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        app.MapGet("/account/login.css", () => TypedResults.Text(LoginPage.Stylesheet, "text/css")).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public static ContentHttpResult Show(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? lang) =>
        Page(http, antiforgery, LoginPage.IsEnglish(lang, returnUrl), SafeReturnUrl(returnUrl), "", failed: false);

    public static async Task<Results<RedirectHttpResult, ContentHttpResult, ProblemHttpResult>> SignIn(
        HttpContext http, IAntiforgery antiforgery, PeopleDirectory people, [FromForm] LoginForm form, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Form expired or forged",
                detail: "The sign-in form's antiforgery token is missing or wrong: open the sign-in page again.");
        }
        var returnUrl = SafeReturnUrl(form.ReturnUrl);
        var english = LoginPage.IsEnglish(form.Lang, returnUrl);
        var userName = form.UserName is { Length: > 0 and <= IdentityLimits.UserName } name ? name : "";
        var person = userName.Length > 0 && form.Password is { Length: > 0 and <= IdentityLimits.Password } password
            ? await people.SignInAsync(userName, password, cancellationToken)
            : null;
        if (person is null)
        {
            return Page(http, antiforgery, english, returnUrl, userName, failed: true);
        }
        var session = new ClaimsIdentity(
            [new Claim(Claims.Subject, person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Claim(Claims.Name, person.DisplayName)],
            CookieAuthenticationDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(session));
        return TypedResults.LocalRedirect(returnUrl);
    }

    private static ContentHttpResult Page(HttpContext http, IAntiforgery antiforgery, bool english, string returnUrl, string userName, bool failed)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        http.Response.Headers.ContentSecurityPolicy = LoginPage.ContentSecurityPolicy;
        http.Response.Headers.CacheControl = "no-store";
        var html = LoginPage.Render(english, returnUrl, userName, tokens.FormFieldName, tokens.RequestToken ?? "", failed);
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: failed ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
    }

    // Only back into an authorization request of this server: never an open redirect.
    private static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: <= 4000 } url && url.StartsWith("/connect/authorize", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
            ? url
            : "/connect/authorize";
}
