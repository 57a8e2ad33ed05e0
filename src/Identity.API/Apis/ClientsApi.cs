using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using Identity.API.Extensions;
using Identity.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Identity.API.Apis;

/// <summary>
/// Register a machine client: a warehouse, an enterprise, an integrator, a monitoring station or a responsible unit's
/// dispatch system (a <c>responder</c>, which names its <c>unit</c> as warnings list it).
/// </summary>
public sealed record RegisterClientRequest(
    [property: Text(IdentityLimits.ClientId)] string? ClientId,
    [property: Text(IdentityLimits.DisplayName)] string? DisplayName,
    [property: Text(IdentityLimits.Role)] string? Role,
    [property: Text(IdentityLimits.Binding)] string? Binding,
    [property: Text(IdentityLimits.Unit)] string? Unit);

/// <summary>Administrators register, disable and re-enable machine clients and rotate their secrets.</summary>
public static class ClientsApi
{
    public static RouteGroupBuilder MapClientsApi(this RouteGroupBuilder api)
    {
        var clients = api.MapGroup("/clients").WithTags("Clients").RequireAuthorization(IdentityPolicies.Admin);
        clients.MapGet("/", ListClients).WithName("ListClients").WithSummary("Every machine client with its role, binding and unit (never a secret)");
        clients.MapPost("/", RegisterClient).WithName("RegisterClient")
            .WithSummary("Register a machine client; the answer carries its secret, the only time it is shown (only its hash is stored)")
            .WithRequestExample(new RegisterClientRequest("responder-water", "上海城投水务调度中心", Roles.Responder, null, "上海城投水务(集团)有限公司"));
        clients.MapGet("/{clientId}", GetClient).WithName("GetClient").WithSummary("One machine client");
        clients.MapPost("/{clientId}/disable", DisableClient).WithName("DisableClient")
            .WithSummary("Disable a client: it gets no new token (tokens it holds expire within the access-token lifetime)");
        clients.MapPost("/{clientId}/enable", EnableClient).WithName("EnableClient").WithSummary("Enable a disabled client again");
        clients.MapPost("/{clientId}/secret", RotateSecret).WithName("RotateClientSecret")
            .WithSummary("Give the client a new secret; the old one stops working at once");
        return api;
    }

    public static async Task<Ok<IReadOnlyList<ClientView>>> ListClients(ClientRegistry registry, CancellationToken cancellationToken) =>
        TypedResults.Ok(await registry.ListAsync(cancellationToken));

    public static async Task<Results<Ok<ClientView>, NotFound>> GetClient(string clientId, ClientRegistry registry, CancellationToken cancellationToken) =>
        await registry.FindAsync(clientId, cancellationToken) is { Role.Length: > 0 } client ? TypedResults.Ok(client) : TypedResults.NotFound();

    public static async Task<Results<Created<ClientSecretView>, ValidationProblem, ProblemHttpResult>> RegisterClient(
        RegisterClientRequest request, ClientRegistry registry, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.ClientId is null || !IsClientId(request.ClientId))
        {
            errors["clientId"] = ["Required: lower-case letters, digits, '-', '_' and '.', at most 100."];
        }
        if (request.DisplayName is null)
        {
            errors["displayName"] = ["Required."];
        }
        var assignment = Bindings.Choose(request.Role, forPeople: false, request.Binding, request.Unit, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (await registry.FindAsync(request.ClientId!, cancellationToken) is not null)
        {
            return Taken(request.ClientId!);
        }
        try
        {
            var registered = await registry.RegisterAsync(request.ClientId!, request.DisplayName!, assignment!, secret: null, cancellationToken);
            return TypedResults.Created($"/api/identity/clients/{Uri.EscapeDataString(registered.Client.ClientId)}", registered);
        }
        catch (Exception ex) when (ex is OpenIddict.Abstractions.OpenIddictExceptions.ConcurrencyException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // Another request registered the same id between the check and the insert.
            return Taken(request.ClientId!);
        }
    }

    public static async Task<Results<Ok<ClientView>, NotFound>> DisableClient(string clientId, ClientRegistry registry, CancellationToken cancellationToken) =>
        await registry.SetDisabledAsync(clientId, disabled: true, cancellationToken) is { } client ? TypedResults.Ok(client) : TypedResults.NotFound();

    public static async Task<Results<Ok<ClientView>, NotFound>> EnableClient(string clientId, ClientRegistry registry, CancellationToken cancellationToken) =>
        await registry.SetDisabledAsync(clientId, disabled: false, cancellationToken) is { } client ? TypedResults.Ok(client) : TypedResults.NotFound();

    public static async Task<Results<Ok<ClientSecretView>, NotFound>> RotateSecret(string clientId, ClientRegistry registry, CancellationToken cancellationToken) =>
        await registry.RotateSecretAsync(clientId, cancellationToken) is { } rotated ? TypedResults.Ok(rotated) : TypedResults.NotFound();

    private static ProblemHttpResult Taken(string clientId) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Client id taken",
        detail: $"A client '{clientId}' is registered already; rotate its secret instead.",
        extensions: new Dictionary<string, object?> { ["errors"] = Problems.Error("clientId", "Taken.") });

    private static bool IsClientId(string value) =>
        value.Length is > 0 and <= IdentityLimits.ClientId && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.');
}
