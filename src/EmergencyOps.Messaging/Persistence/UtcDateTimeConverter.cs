using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EmergencyOps.Messaging.Persistence;

/// <summary>
/// Every stored time is UTC, but SQLite (and SQL Server's datetime2) hands it back with no kind, and code that meets a
/// kindless DateTime cannot tell UTC from local. Marking it UTC on the way out keeps the database's loss of the kind
/// from reaching the model, or an answer. A local time on the way in is stored as the UTC instant it names.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : v,
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
