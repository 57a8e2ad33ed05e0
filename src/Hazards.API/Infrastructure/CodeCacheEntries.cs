using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hazards.API.Model;

namespace Hazards.API.Infrastructure;

/// <summary>Which answer of a code an entry holds: each is the same for everyone allowed to read it.</summary>
public enum CodeView
{
    Full,
    Public,
}

/// <summary>The stamps read before the database: an entry is served only while both are still current.</summary>
public readonly record struct CodeStamp(long Version, long Generation);

/// <summary>A cache read: the entry when current; the stamp to store a fresh answer under, when Redis answered.</summary>
public readonly record struct CodeLookup<T>(T? Value, CodeStamp? Stamp) where T : class;

/// <summary>An entry as stored: the answer with the stamps it was read under.</summary>
public sealed record CachedCode<T>(long Generation, long Version, T Value);

/// <summary>Compact entries: source-generated, camelCase, nulls left out, Chinese text as UTF-8 rather than \u escapes.</summary>
[JsonSerializable(typeof(CachedCode<CodeResolution>), TypeInfoPropertyName = "Full")]
[JsonSerializable(typeof(CachedCode<PublicCodeInformation>), TypeInfoPropertyName = "Public")]
public sealed partial class CodeCacheJson : JsonSerializerContext
{
    // An entry is never embedded in HTML or script, so only what JSON itself requires is escaped. A number stored before
    // today's rules (∞ in a coordinate) is kept as it is, so the answer built from the entry is the one built from the row.
    public static CodeCacheJson Compact { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    });
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
