using System.ComponentModel.DataAnnotations;

namespace EmergencyOps.ServiceDefaults;

/// <summary>One page of a list, with the total count, as every list endpoint answers.</summary>
public sealed record PaginatedItems<T>(int PageIndex, int PageSize, long Count, IReadOnlyList<T> Data);

/// <summary>
/// The one rule for <c>pageIndex</c> and <c>pageSize</c> of paged list endpoints: declare them with
/// <c>[PageIndex] int pageIndex = 0, [PageSize] int pageSize = 20</c>; the request validation refuses a page out of
/// range (a 400 naming the parameter, never clamped) and the OpenAPI document shows the bounds.
/// </summary>
public static class Paging
{
    public const int MaxPageSize = 200;

    /// <summary>Far beyond any list here, and small enough that pageIndex × pageSize never overflows.</summary>
    public const int MaxPageIndex = 1_000_000;
}

/// <summary>A page index from 0 to <see cref="Paging.MaxPageIndex"/>.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class PageIndexAttribute() : RangeAttribute(0, Paging.MaxPageIndex)
{
    public override string FormatErrorMessage(string name) => $"pageIndex is from 0 to {Paging.MaxPageIndex}.";
}

/// <summary>A page size from 1 to <see cref="Paging.MaxPageSize"/>.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class PageSizeAttribute() : RangeAttribute(1, Paging.MaxPageSize)
{
    public override string FormatErrorMessage(string name) => $"pageSize is from 1 to {Paging.MaxPageSize}.";
}
