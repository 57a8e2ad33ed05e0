using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EmergencyOps.ServiceDefaults;

public static class AuthenticationExtensions
{
    public const string ScopeClaim = "scope";

    /// <summary>
    /// Declares one authorization policy per scope (policy name = scope, e.g. <c>inventory:write-own-stock</c>)
    /// and the scheme that satisfies them: bearer tokens from the identity service, or, only in the
    /// Development environment and only when no authority is configured, a local scheme that grants
    /// the service's own scopes so the system runs with one command.
    /// </summary>
    public static IHostApplicationBuilder AddDefaultAuthentication(this IHostApplicationBuilder builder, IReadOnlyCollection<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(scopes);
        var identity = builder.Configuration.GetSection("Identity");
        var authority = identity["Authority"];

        if (builder.Environment.IsDevelopment() && string.IsNullOrWhiteSpace(authority))
        {
            builder.Services.AddAuthentication(DevelopmentAuthenticationHandler.SchemeName)
                .AddScheme<DevelopmentAuthenticationOptions, DevelopmentAuthenticationHandler>(
                    DevelopmentAuthenticationHandler.SchemeName, o => o.Scopes = [.. scopes]);
        }
        else
        {
            builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
                .AddJwtBearer(o =>
                {
                    o.Authority = authority;
                    o.Audience = identity["Audience"];
                    o.RequireHttpsMetadata = identity.GetValue("RequireHttpsMetadata", true);
                    o.MapInboundClaims = false;
                });
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

    // Tokens carry scopes either as one space-separated claim (RFC 8693) or as repeated claims.
    private static bool HasScope(AuthorizationHandlerContext context, string scope) =>
        context.User.FindAll(ScopeClaim).Any(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope));
}

public sealed class DevelopmentAuthenticationOptions : AuthenticationSchemeOptions
{
    public IReadOnlyList<string> Scopes { get; set; } = [];
}
