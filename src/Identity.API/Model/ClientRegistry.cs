using System.Security.Cryptography;
using System.Text.Json;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.API.Model;

/// <summary>A machine client as administrators see it (never its secret).</summary>
public sealed record ClientView(string ClientId, string DisplayName, string Role, string? Binding, string? Unit, bool Disabled);

/// <summary>A client just registered or given a new secret: the only time the secret is shown.</summary>
public sealed record ClientSecretView(ClientView Client, string ClientSecret);

/// <summary>
/// Machine clients (warehouses, enterprises, integrators, stations, responders) over OpenIddict's application store.
/// Role, binding, unit and the disabled mark live in the application's properties; OpenIddict stores only a hash of each secret.
/// </summary>
public sealed class ClientRegistry(IOpenIddictApplicationManager applications)
{
    private const string RoleProperty = "role";
    private const string BindingProperty = "binding";
    private const string UnitProperty = "unit";
    private const string DisabledProperty = "disabled";

    public async Task<ClientView?> FindAsync(string clientId, CancellationToken cancellationToken) =>
        await applications.FindByClientIdAsync(clientId, cancellationToken) is { } app ? await DescribeAsync(app, cancellationToken) : null;

    public async Task<IReadOnlyList<ClientView>> ListAsync(CancellationToken cancellationToken)
    {
        var views = new List<ClientView>();
        await foreach (var app in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            if (await DescribeAsync(app, cancellationToken) is { Role.Length: > 0 } view)
            {
                views.Add(view);
            }
        }
        return [.. views.OrderBy(v => v.ClientId, StringComparer.Ordinal)];
    }

    public async Task<ClientSecretView> RegisterAsync(string clientId, string displayName, Assignment assignment, string? secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var (role, binding, unit) = assignment;
        secret ??= NewSecret();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        descriptor.Permissions.UnionWith(role.Scopes.Select(s => Permissions.Prefixes.Scope + s));
        descriptor.Properties[RoleProperty] = JsonSerializer.SerializeToElement(role.Name);
        descriptor.Properties[DisabledProperty] = JsonSerializer.SerializeToElement(false);
        if (binding is not null)
        {
            descriptor.Properties[BindingProperty] = JsonSerializer.SerializeToElement(binding);
        }
        if (unit is not null)
        {
            descriptor.Properties[UnitProperty] = JsonSerializer.SerializeToElement(unit);
        }
        await applications.CreateAsync(descriptor, cancellationToken);
        return new ClientSecretView(new ClientView(clientId, displayName, role.Name, binding, unit, false), secret);
    }

    /// <summary>A disabled client loses the token endpoint: it gets no new token, and tokens it holds expire with their short lifetime.</summary>
    public Task<ClientView?> SetDisabledAsync(string clientId, bool disabled, CancellationToken cancellationToken) =>
        UpdateAsync(clientId, descriptor =>
        {
            descriptor.Properties[DisabledProperty] = JsonSerializer.SerializeToElement(disabled);
            if (disabled)
            {
                descriptor.Permissions.Remove(Permissions.Endpoints.Token);
            }
            else
            {
                descriptor.Permissions.Add(Permissions.Endpoints.Token);
            }
        }, cancellationToken);

    /// <summary>
    /// Gives a client registered before units existed the unit its seed now names: only when it has none and still holds
    /// the role the unit was checked for. True when it did.
    /// </summary>
    public async Task<bool> FillUnitAsync(string clientId, Assignment assignment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        if (assignment.Unit is not { } unit || await FindAsync(clientId, cancellationToken) is not { Unit: null } client || client.Role != assignment.Role.Name)
        {
            return false;
        }
        await UpdateAsync(clientId, descriptor => descriptor.Properties[UnitProperty] = JsonSerializer.SerializeToElement(unit), cancellationToken);
        return true;
    }

    /// <summary>
    /// Gives every client the scope permissions its role holds in this build and it lacks (a role that gained a scope, a
    /// database of an earlier build); never takes one away. Returns the clients changed.
    /// </summary>
    public async Task<IReadOnlyList<string>> GrantRoleScopesAsync(CancellationToken cancellationToken)
    {
        List<string> changed = [];
        foreach (var client in await ListAsync(cancellationToken))
        {
            if (Roles.Find(client.Role) is not { } role || await applications.FindByClientIdAsync(client.ClientId, cancellationToken) is not { } app)
            {
                continue;
            }
            var missing = role.Scopes.Select(s => Permissions.Prefixes.Scope + s).Except(await applications.GetPermissionsAsync(app, cancellationToken)).ToList();
            if (missing.Count > 0)
            {
                await UpdateAsync(client.ClientId, descriptor => descriptor.Permissions.UnionWith(missing), cancellationToken);
                changed.Add(client.ClientId);
            }
        }
        return changed;
    }

    public async Task<ClientSecretView?> RotateSecretAsync(string clientId, CancellationToken cancellationToken)
    {
        var secret = NewSecret();
        var view = await UpdateAsync(clientId, descriptor => descriptor.ClientSecret = secret, cancellationToken);
        return view is null ? null : new ClientSecretView(view, secret);
    }

    private async Task<ClientView?> UpdateAsync(string clientId, Action<OpenIddictApplicationDescriptor> change, CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } app
            || await DescribeAsync(app, cancellationToken) is not { Role.Length: > 0 })
        {
            return null;
        }
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, app, cancellationToken);
        change(descriptor);
        await applications.UpdateAsync(app, descriptor, cancellationToken);
        return await DescribeAsync(app, cancellationToken);
    }

    private async Task<ClientView> DescribeAsync(object app, CancellationToken cancellationToken)
    {
        var properties = await applications.GetPropertiesAsync(app, cancellationToken);
        return new ClientView(
            await applications.GetClientIdAsync(app, cancellationToken) ?? "",
            await applications.GetDisplayNameAsync(app, cancellationToken) ?? "",
            properties.TryGetValue(RoleProperty, out var role) ? role.GetString() ?? "" : "",
            properties.TryGetValue(BindingProperty, out var binding) ? binding.GetString() : null,
            properties.TryGetValue(UnitProperty, out var unit) ? unit.GetString() : null,
            properties.TryGetValue(DisabledProperty, out var disabled) && disabled.ValueKind == JsonValueKind.True);
    }

    // 32 random bytes, URL-safe: long enough that hashing, not guessing, is the only way in.
    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
