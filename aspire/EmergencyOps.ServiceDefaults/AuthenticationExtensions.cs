using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace EmergencyOps.ServiceDefaults;

public static class AuthenticationExtensions
{
    public const string ScopeClaim = IdentityClaims.Scope;

    /// <summary>Configuration flag only the services' own in-process tests set (in Development): callers are a local test user.</summary>
    public const string InProcessTestsKey = "Identity:InProcessTests";

    /// <summary>
    /// Declares one authorization policy per scope (policy name = scope, e.g. <c>inventory:write-own-stock</c>) and
    /// validates bearer tokens from the identity service: its issuer, this service's audience (the part of its scopes
    /// before the colon, unless <paramref name="audiences"/> names others), lifetime, and the signing keys published by
    /// the identity service. The in-process test scheme replaces the tokens only where the tests ask for it.
    /// </summary>
    public static IHostApplicationBuilder AddDefaultAuthentication(
        this IHostApplicationBuilder builder, IReadOnlyCollection<string> scopes, IReadOnlyCollection<string>? audiences = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(scopes);

        if (builder.Environment.IsDevelopment() && builder.Configuration.GetValue<bool>(InProcessTestsKey))
        {
            builder.Services.AddAuthentication(DevelopmentAuthenticationHandler.SchemeName)
                .AddScheme<DevelopmentAuthenticationOptions, DevelopmentAuthenticationHandler>(
                    DevelopmentAuthenticationHandler.SchemeName, o => o.Scopes = [.. scopes]);
        }
        else
        {
            var settings = TokenSettings.Read(builder.Configuration, builder.Environment,
                audiences ?? [.. scopes.Select(s => s.Split(':')[0]).Distinct(StringComparer.Ordinal)]);
            builder.Services.AddSingleton(settings);
            builder.Services.TryAddSingleton(TimeProvider.System);
            builder.Services.AddSingleton<ValidatedTokens>();
            builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
            builder.Services.ConfigureOptions<JwtBearerSetup>();
        }

        builder.Services.AddAuthorization(options =>
        {
            foreach (var scope in scopes)
            {
                options.AddPolicy(scope, policy => policy.RequireAuthenticatedUser().RequireAssertion(ctx => HasScope(ctx, scope)));
            }
        });
        return builder;
    }

    private static bool HasScope(AuthorizationHandlerContext context, string scope) => context.User.HasScope(scope);

    /// <summary>Whether the caller's token grants <paramref name="scope"/>.</summary>
    // Tokens carry scopes either as one space-separated claim (RFC 8693) or as repeated claims.
    public static bool HasScope(this ClaimsPrincipal user, string scope)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindAll(ScopeClaim).Any(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope));
    }
}

public sealed class DevelopmentAuthenticationOptions : Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions
{
    public IReadOnlyList<string> Scopes { get; set; } = [];
}
