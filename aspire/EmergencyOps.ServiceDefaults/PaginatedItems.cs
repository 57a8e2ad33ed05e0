namespace EmergencyOps.ServiceDefaults;

/// <summary>One page of a list, with the total count, as every list endpoint answers.</summary>
public sealed record PaginatedItems<T>(int PageIndex, int PageSize, long Count, IReadOnlyList<T> Data);
