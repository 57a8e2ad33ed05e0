using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyOps.ServiceDefaults;

/// <summary>One page of a list, with the total count, as every list endpoint answers.</summary>
public sealed record PaginatedItems<T>(int PageIndex, int PageSize, long Count, IReadOnlyList<T> Data);

/// <summary>The one rule for <c>pageIndex</c> and <c>pageSize</c> of paged list endpoints.</summary>
public static class Paging
{
    public const int MaxPageSize = 200;

    private static readonly string Message = $"pageIndex ≥ 0 and pageSize 1–{MaxPageSize}.";

    public static bool IsValid(int pageIndex, int pageSize) => pageIndex >= 0 && pageSize is >= 1 and <= MaxPageSize;

    /// <summary>Adds the paging error to a handler's other errors.</summary>
    public static void Validate(int pageIndex, int pageSize, IDictionary<string, string[]> errors)
    {
        if (!IsValid(pageIndex, pageSize))
        {
            errors["pageSize"] = [Message];
        }
    }

    /// <summary>A 400 problem for a page out of range, or null.</summary>
    public static ValidationProblem? Check(int pageIndex, int pageSize) =>
        IsValid(pageIndex, pageSize) ? null : Problems.Invalid("pageSize", Message);
}
