using System.ComponentModel.DataAnnotations;

namespace EmergencyOps.Messaging.Persistence;

public enum DatabaseProvider
{
    /// <summary>Embedded default: one file per service, zero setup; what tests run on.</summary>
    Sqlite,

    /// <summary>Production provider.</summary>
    SqlServer,
}

/// <summary>Section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Where SQLite files go when a service has no connection string of its own.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// Apply pending migrations at start-up. Unset: yes, except in the Production environment. Where it is off (the
    /// AppHost, Kubernetes), the migration runner applies them (the service run with <c>--migrate</c>) and the service only
    /// checks at start that none is pending.
    /// </summary>
    public bool? MigrateAtStart { get; set; }
}
