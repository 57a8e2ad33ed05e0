using EmergencyOps.Messaging.Persistence;
using Identity.API.Extensions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Identity.API.Model;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.API.Infrastructure;

/// <summary>
/// Registers the configured clients, people and the operations console when missing; never changes one that exists
/// (an administrator may have rotated its secret or disabled it), except to give one registered before units the unit
/// its seed names, and every client (the console too) the scopes its role gained since. Runs after the database is ready.
/// </summary>
internal sealed partial class IdentitySeeder(IServiceScopeFactory scopes, IOptions<IdentityServerOptions> options, ILogger<IdentitySeeder> logger) : IHostedService
{
    public const string ConsoleClientId = "operations-console";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var clients = scope.ServiceProvider.GetRequiredService<ClientRegistry>();
        var people = scope.ServiceProvider.GetRequiredService<PeopleDirectory>();
        // Replicas sharing one SQLite file seed one after the other, so the second finds everything there.
        var db = scope.ServiceProvider.GetRequiredService<IdentityContext>();
        using var seeding = db.Database.IsSqlite()
            ? await InitializationLock.AcquireAsync(Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource), TimeSpan.FromMinutes(1), cancellationToken)
            : null;
        await SeedConsoleAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), cancellationToken);
        foreach (var seed in options.Value.Clients)
        {
            var assignment = Configured(seed.Role, forPeople: false, seed.Binding, seed.Unit, $"Identity:Clients: '{seed.ClientId}'");
            if (await clients.FindAsync(seed.ClientId, cancellationToken) is null)
            {
                await IgnoreRaceAsync(() => clients.RegisterAsync(seed.ClientId, seed.DisplayName, assignment, seed.Secret, cancellationToken));
                LogSeeded(logger, "client", seed.ClientId, assignment.Role.Name);
            }
            else if (await clients.FillUnitAsync(seed.ClientId, assignment, cancellationToken))
            {
                LogUnitFilled(logger, "client", seed.ClientId, assignment.Unit!);
            }
        }
        foreach (var clientId in await clients.GrantRoleScopesAsync(cancellationToken))
        {
            LogScopesGranted(logger, clientId);
        }
        foreach (var seed in options.Value.People)
        {
            var assignment = Configured(seed.Role, forPeople: true, seed.Binding, seed.Unit, $"Identity:People: '{seed.UserName}'");
            if (await people.FindAsync(seed.UserName, cancellationToken) is null)
            {
                if (await people.AddAsync(seed.UserName, seed.DisplayName, seed.Password, assignment, cancellationToken))
                {
                    LogSeeded(logger, "person", seed.UserName, assignment.Role.Name);
                }
            }
            else if (await people.FillUnitAsync(seed.UserName, assignment, cancellationToken))
            {
                LogUnitFilled(logger, "person", seed.UserName, assignment.Unit!);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // A configured client or person with a wrong role, binding or unit stops the start: better than a token that cannot be right.
    private static Assignment Configured(string roleName, bool forPeople, string? binding, string? unit, string where)
    {
        var errors = new Dictionary<string, string[]>();
        return Bindings.Choose(roleName, forPeople, binding, unit, errors)
            ?? throw new InvalidOperationException($"{where}: {string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
    }

    // The console is a public client (a browser keeps no secret): authorization code with PKCE, refresh tokens, every scope a person may hold.
    private async Task SeedConsoleAsync(IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var personScopes = Roles.All.Where(r => r.ForPeople).SelectMany(r => r.Scopes).Select(s => Permissions.Prefixes.Scope + s).ToHashSet(StringComparer.Ordinal);
        if (await applications.FindByClientIdAsync(ConsoleClientId, cancellationToken) is { } existing)
        {
            // A console registered by an earlier build lacks the scopes people gained since: added, nothing removed.
            var stored = new OpenIddictApplicationDescriptor();
            await applications.PopulateAsync(stored, existing, cancellationToken);
            if (!personScopes.IsSubsetOf(stored.Permissions))
            {
                stored.Permissions.UnionWith(personScopes);
                await applications.UpdateAsync(existing, stored, cancellationToken);
                LogScopesGranted(logger, ConsoleClientId);
            }
            return;
        }
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ConsoleClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "EmergencyOps operations console",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Scopes.Roles, Permissions.Prefixes.Scope + Scopes.OfflineAccess,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        descriptor.Permissions.UnionWith(personScopes);
        descriptor.RedirectUris.UnionWith(options.Value.ConsoleRedirectUris);
        descriptor.PostLogoutRedirectUris.UnionWith(options.Value.ConsoleRedirectUris);
        await IgnoreRaceAsync(() => applications.CreateAsync(descriptor, cancellationToken).AsTask());
        LogSeeded(logger, "client", ConsoleClientId, "console");
    }

    // Two replicas starting together both see the row missing; the second insert loses and that is fine.
    private static async Task IgnoreRaceAsync(Func<Task> insert)
    {
        try
        {
            await insert();
        }
        catch (Exception ex) when (ex is Microsoft.EntityFrameworkCore.DbUpdateException or OpenIddictExceptions.ConcurrencyException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Kind} {Name} ({Role}) from configuration")]
    private static partial void LogSeeded(ILogger logger, string kind, string name, string role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gave client {ClientId} the scopes its role gained since it was registered")]
    private static partial void LogScopesGranted(ILogger logger, string clientId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gave {Kind} {Name}, registered before units, the unit {Unit} from configuration")]
    private static partial void LogUnitFilled(ILogger logger, string kind, string name, string unit);
}
