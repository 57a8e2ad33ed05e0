using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EmergencyOps.Gateway.Tests;

/// <summary>The limit holds on the in-memory test server (the gateway's own counting) and on Kestrel (the server's).</summary>
public sealed class RequestBodyLimitTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const int Limit = 1_024;

    public static TheoryData<bool> Servers => [false, true];

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task A_declared_length_over_the_limit_is_a_413_problem(bool kestrel)
    {
        using var gateway = Gateway(kestrel);
        using var client = Client(gateway);
        using var content = new ByteArrayContent(new byte[Limit + 1]);

        using var response = await client.PostAsync("/api/inventory/echo/changes", content);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("1024 bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task A_chunked_body_over_the_limit_is_a_413_problem(bool kestrel)
    {
        using var gateway = Gateway(kestrel);
        using var client = Client(gateway);
        using var content = Chunked(new string('x', 4 * Limit));

        using var response = await client.PostAsync("/api/inventory/echo/changes", content);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("1024 bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Bodies_within_the_limit_reach_the_service_intact_chunked_or_not(bool kestrel)
    {
        using var gateway = Gateway(kestrel);
        using var client = Client(gateway);
        // Near the limit, not at it: Kestrel counts a chunked body's framing (sizes, line ends) towards the limit too.
        var text = new string('y', Limit - 64);

        using var declared = await client.PostAsync("/api/inventory/echo/changes", new StringContent(text));
        using var chunked = await client.PostAsync("/api/inventory/echo/changes", Chunked(text));

        Assert.Equal(HttpStatusCode.OK, declared.StatusCode);
        Assert.Equal(HttpStatusCode.OK, chunked.StatusCode);
        var declaredEcho = (await declared.Content.ReadFromJsonAsync<Echo>())!;
        var chunkedEcho = (await chunked.Content.ReadFromJsonAsync<Echo>())!;
        Assert.Equal((text, (long?)text.Length), (declaredEcho.Body, declaredEcho.ContentLength));
        // Streamed through without a length, as it came: the limit was counted on the way, not declared.
        Assert.Equal((text, (long?)null), (chunkedEcho.Body, chunkedEcho.ContentLength));
    }

    private WebApplicationFactory<Program> Gateway(bool kestrel)
    {
        var gateway = fixture.With(("Gateway:MaxRequestBodySize", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (kestrel)
        {
            // An explicit loopback listener on a free port (UseKestrel(0) on a derived factory listens on 5000).
            gateway.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            gateway.StartServer();
        }
        return gateway;
    }

    // Without the factory's redirect handler, which buffers a request body (and so gives it a Content-Length) to replay it.
    private static HttpClient Client(WebApplicationFactory<Program> gateway) =>
        gateway.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = gateway.ClientOptions.BaseAddress,
            AllowAutoRedirect = false,
            HandleCookies = false,
        });

    // A stream of unknown length: the client must send it chunked, with no Content-Length for the gateway to check first.
    private static StreamContent Chunked(string text)
    {
        var content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(text)));
        Assert.Null(content.Headers.ContentLength);
        return content;
    }

    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
