using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyOps.ServiceDefaults;

/// <summary>One page of a list, with the total count, as every list endpoint answers.</summary>
public sealed record PaginatedItems<T>(int PageIndex, int PageSize, long Count, IReadOnlyList<T> Data);

/// <summary>The one rule for <c>pageIndex</c> and <c>pageSize</c> of paged list endpoints.</summary>
public static class Paging
{
    public const int MaxPageSize = 200;

    /// <summary>Far beyond any list here, and small enough that pageIndex × pageSize never overflows.</summary>
    public const int MaxPageIndex = 1_000_000;

    private static readonly string IndexMessage = $"pageIndex is from 0 to {MaxPageIndex}.";
    private static readonly string SizeMessage = $"pageSize is from 1 to {MaxPageSize}.";

    public static bool IsValid(int pageIndex, int pageSize) => pageIndex is >= 0 and <= MaxPageIndex && pageSize is >= 1 and <= MaxPageSize;

    /// <summary>Adds the paging errors to a handler's other errors, each naming its parameter.</summary>
    public static void Validate(int pageIndex, int pageSize, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (pageIndex is < 0 or > MaxPageIndex)
        {
            errors["pageIndex"] = [IndexMessage];
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [SizeMessage];
        }
    }

    /// <summary>A 400 problem for a page out of range, or null.</summary>
    public static ValidationProblem? Check(int pageIndex, int pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        Validate(pageIndex, pageSize, errors);
        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors);
    }
}
