using System.Text;

namespace EmergencyOps.Testing.BadInput;

/// <summary>One generated request that must be refused: what it changes, and the request itself.</summary>
public sealed record BadRequest(string Operation, string Mutation, HttpMethod Method, string Url, string? Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The body's media type; <c>null</c> sends the body with no Content-Type at all.</summary>
    public string? ContentType { get; init; } = "application/json";

    /// <summary>The seed the request was drawn from, so its failure says how to repeat it.</summary>
    public int Seed { get; init; } = BadInputSeed.Current;

    public HttpRequestMessage ToHttp()
    {
        var request = new HttpRequestMessage(Method, Url);
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(InvalidUtf8.Encode(Body));
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }
        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }

    public override string ToString() => $"{Operation} [{Mutation}] ({BadInputSeed.Reproduce(Seed)})";
}

/// <summary>
/// Bytes no UTF-8 text may hold, written into a body as private-use markers (which no example uses) and swapped for the
/// bytes only when the body is encoded, since a .NET string cannot carry them.
/// </summary>
public static class InvalidUtf8
{
    public static readonly IReadOnlyDictionary<char, byte[]> Markers = new Dictionary<char, byte[]>
    {
        ['\uE001'] = [0xC3, 0x28],       // a lead byte followed by no continuation byte
        ['\uE002'] = [0xED, 0xA0, 0x80], // a lone surrogate (U+D800) encoded as if it were a character
        ['\uE003'] = [0xC0, 0xAF],       // an overlong encoding of '/'
        ['\uE004'] = [0xFF],             // a byte UTF-8 never uses
    };

    public static byte[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(Markers.ContainsKey))
        {
            return Encoding.UTF8.GetBytes(text);
        }
        var bytes = new List<byte>(text.Length + 16);
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (Markers.TryGetValue(text[i], out var invalid))
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[start..i]));
                bytes.AddRange(invalid);
                start = i + 1;
            }
        }
        bytes.AddRange(Encoding.UTF8.GetBytes(text[start..]));
        return [.. bytes];
    }
}
