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

    /// <summary>Create the schema at start-up (embedded default); production applies generated scripts instead.</summary>
    public bool EnsureCreated { get; set; } = true;
}
