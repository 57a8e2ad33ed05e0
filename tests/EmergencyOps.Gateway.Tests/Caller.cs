using System.Net.Http.Headers;

namespace EmergencyOps.Gateway.Tests;

/// <summary>Who sends a test request: an authenticated client (and person), and the address the connection comes from.</summary>
public sealed record Caller(string? Client = null, string? Subject = null, string? Peer = null, string? ForwardedFor = null, string? Origin = null)
{
    public static Caller Anonymous(string peer) => new(Peer: peer);

    public static Caller ClientNamed(string client) => new(Client: client, Peer: "198.51.100.200");

    public HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        Add(request.Headers, TestClientAuthenticationHandler.ClientHeader, Client);
        Add(request.Headers, TestClientAuthenticationHandler.SubjectHeader, Subject);
        Add(request.Headers, TestPeerAddress.Header, Peer);
        Add(request.Headers, "X-Forwarded-For", ForwardedFor);
        Add(request.Headers, "Origin", Origin);
        return request;
    }

    public async Task<HttpResponseMessage> GetAsync(HttpClient client, string path)
    {
        using var request = Request(HttpMethod.Get, path);
        return await client.SendAsync(request);
    }

    private static void Add(HttpRequestHeaders headers, string name, string? value)
    {
        if (value is not null)
        {
            headers.Add(name, value);
        }
    }
}
