using System.Buffers.Binary;

namespace Hazards.API.Infrastructure;

/// <summary>Which answer of a code an entry holds: each is the same for everyone allowed to read it.</summary>
public enum CodeView
{
    Full,
    Public,
}

/// <summary>The stamps read before the database: an entry is served only while both are still current.</summary>
public readonly record struct CodeStamp(long Version, long Generation);

/// <summary>Who may read a full answer: its owner, its holder and the consignee it is shipped to. The public answer has none.</summary>
public readonly record struct CodeAccess(Guid Owner, Guid? Holder, Guid? Consignee);

/// <summary>A current entry: who may read it, and the answer's JSON exactly as the endpoint sends it.</summary>
public sealed record CachedAnswer(CodeAccess Access, ReadOnlyMemory<byte> Json);

/// <summary>A cache read: the entry when current; the stamp to store a fresh answer under, when Redis answered.</summary>
public readonly record struct CodeLookup(CachedAnswer? Value, CodeStamp? Stamp);

/// <summary>
/// An entry as stored: a fixed header (format, stamps, who may read it) and the response body. A hit is sent as it is, with
/// no parse and no re-serialisation; an entry of another format (or damaged) is a miss, and the fresh answer replaces it.
/// </summary>
public static class CodeEntry
{
    private const byte Format = 2;

    // Format, generation, version, then owner, holder and consignee (all zero for none).
    private const int HeaderLength = 1 + 8 + 8 + 3 * 16;

    public static byte[] Write(CodeStamp stamp, CodeAccess access, ReadOnlySpan<byte> json)
    {
        var entry = new byte[HeaderLength + json.Length];
        var span = entry.AsSpan();
        span[0] = Format;
        BinaryPrimitives.WriteInt64LittleEndian(span[1..], stamp.Generation);
        BinaryPrimitives.WriteInt64LittleEndian(span[9..], stamp.Version);
        access.Owner.TryWriteBytes(span[17..]);
        (access.Holder ?? Guid.Empty).TryWriteBytes(span[33..]);
        (access.Consignee ?? Guid.Empty).TryWriteBytes(span[49..]);
        json.CopyTo(span[HeaderLength..]);
        return entry;
    }

    /// <summary>The entry's answer when it is of this format and was stored under <paramref name="current"/>; null otherwise.</summary>
    public static CachedAnswer? Read(ReadOnlyMemory<byte> entry, CodeStamp current)
    {
        if (!OfThisFormat(entry))
        {
            return null;
        }
        var span = entry.Span;
        var stamp = new CodeStamp(BinaryPrimitives.ReadInt64LittleEndian(span[9..]), BinaryPrimitives.ReadInt64LittleEndian(span[1..]));
        if (stamp != current)
        {
            return null;
        }
        var access = new CodeAccess(new Guid(span.Slice(17, 16)), Optional(span.Slice(33, 16)), Optional(span.Slice(49, 16)));
        return new CachedAnswer(access, entry[HeaderLength..]);
    }

    /// <summary>The answer's JSON in a stored entry, whatever its stamps (for looking at what Redis holds).</summary>
    public static ReadOnlyMemory<byte> Json(ReadOnlyMemory<byte> entry) => OfThisFormat(entry) ? entry[HeaderLength..] : ReadOnlyMemory<byte>.Empty;

    // A header of this format and a JSON object after it; anything else (an earlier release's JSON, damage) is no entry.
    private static bool OfThisFormat(ReadOnlyMemory<byte> entry) =>
        entry.Length > HeaderLength && entry.Span[0] == Format && entry.Span[HeaderLength] == (byte)'{';

    private static Guid? Optional(ReadOnlySpan<byte> bytes) => new Guid(bytes) is var id && id != Guid.Empty ? id : null;
}

/// <summary>Says once per period that Redis is unreachable, rather than once per request while it stays so.</summary>
internal sealed partial class OutageLog(ILogger logger)
{
    private static readonly long Period = TimeSpan.FromSeconds(30).Ticks;
    private long _next;

    public void Unreachable()
    {
        var now = DateTime.UtcNow.Ticks;
        var next = Interlocked.Read(ref _next);
        if (now >= next && Interlocked.CompareExchange(ref _next, now + Period, next) == next)
        {
            LogUnreachable(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unreachable: code resolutions are read from the database until it is back")]
    private static partial void LogUnreachable(ILogger logger);
}
