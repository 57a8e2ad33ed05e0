namespace EmergencyOps.Testing;

/// <summary>Where the real broker and cache started by <c>test.sh</c> listen, and names that keep test classes apart.</summary>
public static class TestInfrastructure
{
    public static Uri RabbitMq { get; } = new(Environment.GetEnvironmentVariable("EMERGENCYOPS_TEST_RABBITMQ") ?? "amqp://guest:guest@127.0.0.1:5672/");

    public static string Redis { get; } = Environment.GetEnvironmentVariable("EMERGENCYOPS_TEST_REDIS") ?? "127.0.0.1:6379";

    /// <summary>A prefix for exchanges and queues that no other test class (or run) shares.</summary>
    public static string UniquePrefix(string name) =>
        $"t-{name.ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..10]}";

    /// <summary>A fresh SQLite file in its own temporary folder.</summary>
    public static string FreshSqliteConnectionString(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "emergencyops-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, name + ".db")}";
    }
}
