using EmergencyOps.Messaging.Persistence;
using EmergencyOps.ServiceDefaults;
using Identity.API.Infrastructure;
using Identity.API.Infrastructure.Migrations;
using Identity.API.Model;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.API.Extensions;

public static class Extensions
{
    public const string ServiceName = "identity";

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IdentityContext, IdentitySqliteMigrations, IdentitySqlServerMigrations>("identitydb");
        builder.AddDefaultOpenApi();
        builder.Services.AddValidation();
        builder.Services.AddOptions<IdentityServerOptions>()
            .Bind(builder.Configuration.GetSection(IdentityServerOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(IdentityServerOptions.SectionName).Get<IdentityServerOptions>() ?? new IdentityServerOptions();

        builder.AddTokenServer(options);

        // The sign-in session and its antiforgery tokens must read alike on every replica and after a restart.
        builder.Services.AddDataProtection()
            .SetApplicationName("EmergencyOps.Identity")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.KeysDirectory, "data-protection")));
        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, cookie =>
            {
                cookie.LoginPath = "/account/login";
                cookie.Cookie.Name = "EmergencyOps.Identity";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.ExpireTimeSpan = options.RefreshTokenLifetime;
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(IdentityPolicies.Admin, policy => policy
                .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                // OpenIddict's own reading of the scopes it validated (ServiceDefaults has a HasScope of the same shape).
                .RequireAssertion(ctx => OpenIddict.Abstractions.OpenIddictExtensions.HasScope(ctx.User, IdentityPolicies.Admin)));
        builder.Services.AddAntiforgery();

        builder.Services.AddSingleton<IPasswordHasher<Person>, PasswordHasher<Person>>();
        builder.Services.AddScoped<PeopleDirectory>();
        builder.Services.AddScoped<ClientRegistry>();
        builder.Services.AddHostedService<IdentitySeeder>();
    }

    private static void AddTokenServer(this IHostApplicationBuilder builder, IdentityServerOptions options)
    {
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityContext>())
            .AddServer(server =>
            {
                if (options.Issuer is { } issuer)
                {
                    server.SetIssuer(issuer);
                }
                server.SetTokenEndpointUris("connect/token")
                    .SetAuthorizationEndpointUris("connect/authorize")
                    .SetEndSessionEndpointUris("connect/logout");
                server.AllowClientCredentialsFlow()
                    .AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow();
                server.RegisterScopes([.. Roles.Scopes, Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess]);
                server.SetAccessTokenLifetime(options.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(options.RefreshTokenLifetime)
                    .SetRefreshTokenReuseLeeway(options.RefreshTokenReuseLeeway);
                // Access tokens are signed JWTs every service validates with the published keys; only codes and refresh tokens are encrypted.
                server.DisableAccessTokenEncryption();
                SigningKeys.Configure(server, options, builder.Environment);

                var aspNetCore = server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (builder.Environment.IsDevelopment())
                {
                    // The local run speaks plain HTTP on loopback; everywhere else TLS is required (behind an ingress, via X-Forwarded-Proto).
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.AddAudiences(ServiceName);
                validation.UseAspNetCore();
            });
    }
}
