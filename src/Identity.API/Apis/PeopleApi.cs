using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using Identity.API.Extensions;
using Identity.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Identity.API.Apis;

/// <summary>Register a person who signs in at the console; a district operator may also name the responsible unit it answers for.</summary>
public sealed record RegisterPersonRequest(
    [property: Text(IdentityLimits.UserName)] string? UserName,
    [property: Text(IdentityLimits.DisplayName)] string? DisplayName,
    [property: Text(IdentityLimits.Password)] string? Password,
    [property: Text(IdentityLimits.Role)] string? Role,
    [property: Text(IdentityLimits.Binding)] string? Binding,
    [property: Text(IdentityLimits.Unit)] string? Unit);

/// <summary>Administrators register and disable the people who sign in at the console.</summary>
public static class PeopleApi
{
    public const int MinPassword = 12;

    public static RouteGroupBuilder MapPeopleApi(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/people").WithTags("People").RequireAuthorization(IdentityPolicies.Admin);
        people.MapGet("/", ListPeople).WithName("ListPeople").WithSummary("Every person with a console account, role, binding and unit");
        people.MapPost("/", RegisterPerson).WithName("RegisterPerson")
            .WithSummary("Register a person (the password is stored as a salted hash only)")
            .WithRequestExample(new RegisterPersonRequest("chenjing", "陈静", "at least twelve characters", Roles.DistrictOperator, "310101", "黄浦区应急管理局"));
        people.MapPost("/{userName}/disable", DisablePerson).WithName("DisablePerson")
            .WithSummary("Disable an account: no new sign-in, and its refresh tokens stop working");
        people.MapPost("/{userName}/enable", EnablePerson).WithName("EnablePerson").WithSummary("Enable a disabled account again");
        return api;
    }

    public static async Task<Ok<IReadOnlyList<PersonView>>> ListPeople(PeopleDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(await directory.ListAsync(cancellationToken));

    public static async Task<Results<Created<PersonView>, ValidationProblem, ProblemHttpResult>> RegisterPerson(
        RegisterPersonRequest request, PeopleDirectory directory, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.UserName is null || !request.UserName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors["userName"] = ["Required: letters, digits, '-', '_' and '.'."];
        }
        if (request.DisplayName is null)
        {
            errors["displayName"] = ["Required."];
        }
        if (request.Password is not { Length: >= MinPassword })
        {
            errors["password"] = [$"At least {MinPassword} characters."];
        }
        var assignment = Bindings.Choose(request.Role, forPeople: true, request.Binding, request.Unit, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (!await directory.AddAsync(request.UserName!, request.DisplayName!, request.Password!, assignment!, cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "User name taken",
                detail: $"'{request.UserName}' has an account already.",
                extensions: new Dictionary<string, object?> { ["errors"] = Problems.Error("userName", "Taken.") });
        }
        return TypedResults.Created($"/api/identity/people/{Uri.EscapeDataString(request.UserName!)}",
            new PersonView(request.UserName!, request.DisplayName!, assignment!.Role.Name, assignment.Binding, assignment.Unit, false));
    }

    public static async Task<Results<Ok<PersonView>, NotFound>> DisablePerson(string userName, PeopleDirectory directory, CancellationToken cancellationToken) =>
        await directory.SetDisabledAsync(userName, disabled: true, cancellationToken) is { } person ? TypedResults.Ok(person) : TypedResults.NotFound();

    public static async Task<Results<Ok<PersonView>, NotFound>> EnablePerson(string userName, PeopleDirectory directory, CancellationToken cancellationToken) =>
        await directory.SetDisabledAsync(userName, disabled: false, cancellationToken) is { } person ? TypedResults.Ok(person) : TypedResults.NotFound();
}
