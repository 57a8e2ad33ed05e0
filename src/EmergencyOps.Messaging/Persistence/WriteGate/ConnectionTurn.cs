namespace EmergencyOps.Messaging.Persistence.WriteGate;

/// <summary>
/// What one connection holds of its file's turn. Work on a connection that already writes joins its turn (SQLite's
/// lock is the connection's, so waiting would wait on itself); the turn passes on when the last of it ends, or when
/// the connection closes, whichever comes first.
/// </summary>
internal sealed class ConnectionTurn
{
    private readonly Lock _lock = new();
    private FileQueue? _held;
    private int _holders;
    private int _generation;

    public WriteLease? TryJoin()
    {
        lock (_lock)
        {
            if (_held is null)
            {
                return null;
            }
            _holders++;
            return new WriteLease(this, _generation);
        }
    }

    public WriteLease Start(FileQueue queue)
    {
        lock (_lock)
        {
            _held = queue;
            _holders = 1;
            return new WriteLease(this, _generation);
        }
    }

    public void Leave(int generation)
    {
        FileQueue? released = null;
        lock (_lock)
        {
            // A lease from before the connection closed was ended with it.
            if (generation == _generation && _held is not null && --_holders == 0)
            {
                released = End();
            }
        }
        released?.Release();
    }

    public void EndAll()
    {
        FileQueue? released = null;
        lock (_lock)
        {
            if (_held is not null)
            {
                released = End();
            }
        }
        released?.Release();
    }

    private FileQueue? End()
    {
        var held = _held;
        _held = null;
        _holders = 0;
        _generation++;
        return held;
    }
}

/// <summary>One holder's part of a connection's turn; releasing it more than once does nothing.</summary>
internal sealed class WriteLease(ConnectionTurn turn, int generation)
{
    private int _released;

    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            turn.Leave(generation);
        }
    }
}
