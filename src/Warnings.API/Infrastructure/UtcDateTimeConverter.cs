using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Warnings.API.Infrastructure;

/// <summary>
/// Every stored time is UTC, but SQLite hands it back with no kind, and a kindless DateTime serialises with no
/// offset. Marking it UTC on the way out means a time that slips into an answer unconverted still names its zone.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : v,
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
