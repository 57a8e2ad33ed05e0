namespace EmergencyOps.Messaging.Persistence;

/// <summary>
/// Serialises schema creation between processes that start on one SQLite file at once (replicas of a service):
/// otherwise both see an empty file and the second fails creating tables the first just made. An exclusive
/// lock on a file beside the database, never on the database itself: closing any descriptor of the database
/// would drop SQLite's own locks in this process.
/// </summary>
public sealed class InitializationLock : IDisposable
{
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(50);
    private readonly FileStream _file;

    private InitializationLock(FileStream file) => _file = file;

    public static async Task<InitializationLock> AcquireAsync(string databaseFile, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var path = databaseFile + ".init-lock";
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new InitializationLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(Retry, cancellationToken);
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
