namespace EmergencyOps.Messaging.Persistence.WriteGate;

/// <summary>
/// The turn to write one file. SemaphoreSlim hands a released slot to its oldest asynchronous waiter and resumes
/// it on another thread, so turns go in arrival order and the releasing writer is not held up by the next one.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "One per file for the life of the process; a SemaphoreSlim whose wait handle is never asked for holds nothing to dispose.")]
internal sealed class FileQueue
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private int _waiting;

    public int Waiting => Volatile.Read(ref _waiting);

    public async ValueTask<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_turn.Wait(0, CancellationToken.None))
        {
            return true;
        }
        Interlocked.Increment(ref _waiting);
        try
        {
            return await _turn.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    public bool Wait(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            return _turn.Wait(timeout, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    public void Release() => _turn.Release();
}
