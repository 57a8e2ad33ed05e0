using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyOps.ServiceDefaults;

/// <summary>RFC 9457 validation problems that name one field, as every service answers bad input.</summary>
public static class Problems
{
    public static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };

    public static ValidationProblem Invalid(string field, string message) => TypedResults.ValidationProblem(Error(field, message));
}
