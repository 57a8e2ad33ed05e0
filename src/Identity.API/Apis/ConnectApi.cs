using System.Security.Claims;
using Identity.API.Model;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.API.Apis;

/// <summary>
/// The OAuth2 endpoints OpenIddict validates first and then hands over ("passthrough"): here is decided who the
/// caller is and what its token says. Anonymous by nature: the client authenticates in the request itself.
/// </summary>
public static class ConnectApi
{
    public static IEndpointRouteBuilder MapConnectApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", Token).AllowAnonymous().ExcludeFromDescription();
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], Authorize).AllowAnonymous().ExcludeFromDescription();
        app.MapMethods("/connect/logout", [HttpMethods.Get, HttpMethods.Post], (Delegate)Logout).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> Token(HttpContext http, ClientRegistry clients, PeopleDirectory people, CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not handle the token request.");
        if (request.IsClientCredentialsGrantType())
        {
            // OpenIddict has checked the secret and the scopes against the client's permissions already.
            var client = await clients.FindAsync(request.ClientId!, cancellationToken);
            if (client is null || client.Disabled || Roles.Find(client.Role) is not { ForPeople: false } role)
            {
                return Refuse(Errors.InvalidClient, "The client is disabled or has no role.");
            }
            return SignIn(TokenClaims.Build(client.ClientId, client.DisplayName, role, client.Binding, client.Unit, request.GetScopes()));
        }
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var granted = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            // Read the person again: a disabled account or a changed role or unit takes effect at the next refresh.
            if (granted.Principal?.GetClaim(Claims.Subject) is not { } subject || !int.TryParse(subject, out var id)
                || await people.FindActiveAsync(id, cancellationToken) is not { } person || Roles.Find(person.Role) is not { } role)
            {
                return Refuse(Errors.InvalidGrant, "The account is disabled or no longer exists.");
            }
            return SignIn(TokenClaims.Build(subject, person.DisplayName, role, person.Binding, person.Unit, granted.Principal.GetScopes()));
        }
        return Refuse(Errors.UnsupportedGrantType, "Only client_credentials, authorization_code and refresh_token are granted.");
    }

    public static async Task<IResult> Authorize(HttpContext http, PeopleDirectory people, CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not handle the authorization request.");
        var session = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var person = session.Principal?.FindFirstValue(Claims.Subject) is { } subject && int.TryParse(subject, out var id)
            ? await people.FindActiveAsync(id, cancellationToken)
            : null;
        if (person is null || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, "Nobody is signed in.");
            }
            // Back to this very request once the person has signed in; a prompt=login is not asked twice.
            var parameters = request.GetParameters().Where(p => p.Key != Parameters.Prompt)
                .Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString()));
            return Results.Challenge(new AuthenticationProperties { RedirectUri = "/connect/authorize" + QueryString.Create(parameters) },
                [CookieAuthenticationDefaults.AuthenticationScheme]);
        }
        if (Roles.Find(person.Role) is not { ForPeople: true } role)
        {
            return Refuse(Errors.AccessDenied, "The account has no role that may use the console.");
        }
        return SignIn(TokenClaims.Build(person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), person.DisplayName, role, person.Binding, person.Unit, request.GetScopes()));
    }

    public static async Task<SignOutHttpResult> Logout(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static SignInHttpResult SignIn(ClaimsPrincipal principal) =>
        TypedResults.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    private static ForbidHttpResult Refuse(string error, string description) =>
        TypedResults.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
