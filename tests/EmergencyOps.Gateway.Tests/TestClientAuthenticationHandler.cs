using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmergencyOps.Gateway.Tests;

/// <summary>
/// Test only: stands in for bearer-token validation. <c>X-Test-Client: warehouse-07</c> authenticates a machine client
/// (client_id = sub, as its tokens say); adding <c>X-Test-Subject: 42</c> makes it a person signed in through that client.
/// Without the header the caller stays anonymous.
/// </summary>
public sealed class TestClientAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string ClientHeader = "X-Test-Client";
    public const string SubjectHeader = "X-Test-Subject";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers[ClientHeader].FirstOrDefault() is not { Length: > 0 } client)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var subject = Request.Headers[SubjectHeader].FirstOrDefault() is { Length: > 0 } person ? person : client;
        var identity = new ClaimsIdentity([new Claim("client_id", client), new Claim("sub", subject)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
