using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EmergencyOps.Identity.Client;

/// <summary>
/// Gets real access tokens through the gateway, as a client or a person would: client credentials for machine clients,
/// and for people the authorization code flow with PKCE through the identity service's sign-in page. Tokens are kept
/// per identity until shortly before they expire. <paramref name="handler"/> reaches the gateway (default: sockets,
/// no proxy, no redirects followed); tests pass an in-process server's handler.
/// </summary>
public sealed partial class TokenSource(
    Uri gateway, IReadOnlyDictionary<string, string> clientSecrets, IReadOnlyDictionary<string, string> passwords, Func<HttpMessageHandler>? handler = null)
    : IDisposable
{
    public const string ConsoleClientId = "operations-console";

    private readonly Dictionary<string, (string Token, DateTimeOffset Until)> _tokens = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _lock = new(1, 1);

    public Uri RedirectUri { get; } = new(gateway, "/console/callback");

    /// <summary>An access token for the named client or person; <paramref name="scope"/> narrows it (null: everything the role allows).</summary>
    public async Task<string> GetAsync(string name, string? scope = null, CancellationToken ct = default)
    {
        var key = name + " " + scope;
        await _lock.WaitAsync(ct);
        try
        {
            if (_tokens.TryGetValue(key, out var cached) && cached.Until > DateTimeOffset.UtcNow)
            {
                return cached.Token;
            }
            var response = clientSecrets.TryGetValue(name, out var secret) ? await ClientCredentialsAsync(name, secret, scope, ct)
                : passwords.TryGetValue(name, out var password) ? await SignInAsync(name, password, scope, ct)
                : throw new ArgumentException($"'{name}' is neither a local client nor a local person", nameof(name));
            var token = response.GetProperty("access_token").GetString()!;
            _tokens[key] = (token, DateTimeOffset.UtcNow.AddSeconds(response.GetProperty("expires_in").GetInt32() - 60));
            return token;
        }
        finally
        {
            _lock.Release();
        }
    }

    public Task<JsonElement> ClientCredentialsAsync(string clientId, string secret, string? scope, CancellationToken ct) =>
        TokenRequestAsync(NewClient(), Form(
            ("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret), ("scope", scope)), ct);

    /// <summary>The whole browser journey: authorize → sign-in page → authorize again → code → token (with a refresh token).</summary>
    public async Task<JsonElement> SignInAsync(string userName, string password, string? scope, CancellationToken ct)
    {
        using var browser = new HttpClient(new CookieJar(NewHandler())) { BaseAddress = gateway };
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)));
        var authorize = "/connect/authorize?" + string.Join('&', new[]
        {
            ("client_id", ConsoleClientId), ("response_type", "code"), ("redirect_uri", RedirectUri.AbsoluteUri),
            ("scope", "openid offline_access " + scope), ("code_challenge", challenge), ("code_challenge_method", "S256"), ("state", "seed"),
        }.Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2.Trim())}"));

        using var toLogin = await browser.GetAsync(authorize, ct);
        var loginPage = await FollowAsync(browser, toLogin, ct);
        var html = await loginPage.Content.ReadAsStringAsync(ct);
        var hidden = HiddenField().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        hidden["userName"] = userName;
        hidden["password"] = password;
        using var signedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(hidden), ct);
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"signing in as {userName} answered {(int)signedIn.StatusCode}");
        }
        using var backToAuthorize = await browser.GetAsync(signedIn.Headers.Location, ct);
        var callback = backToAuthorize.Headers.Location ?? throw new InvalidOperationException($"authorize answered {(int)backToAuthorize.StatusCode} without a redirect");
        var code = Query(callback, "code") ?? throw new InvalidOperationException($"no code in {callback}: {Query(callback, "error_description")}");
        return await TokenRequestAsync(browser, Form(
            ("grant_type", "authorization_code"), ("client_id", ConsoleClientId), ("code", code),
            ("redirect_uri", RedirectUri.AbsoluteUri), ("code_verifier", verifier)), ct, dispose: false);
    }

    public Task<JsonElement> RefreshAsync(string refreshToken, CancellationToken ct) =>
        TokenRequestAsync(NewClient(), Form(
            ("grant_type", "refresh_token"), ("client_id", ConsoleClientId), ("refresh_token", refreshToken)), ct);

    private HttpMessageHandler NewHandler() => handler?.Invoke() ?? new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false };

    private HttpClient NewClient() => new(NewHandler());

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    public void Dispose() => _lock.Dispose();

    private async Task<JsonElement> TokenRequestAsync(HttpClient http, FormUrlEncodedContent form, CancellationToken ct, bool dispose = true)
    {
        try
        {
            using var response = await http.PostAsync(new Uri(gateway, "/connect/token"), form, ct);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            return response.IsSuccessStatusCode ? body : throw new TokenRefusedException((int)response.StatusCode, body);
        }
        finally
        {
            form.Dispose();
            if (dispose)
            {
                http.Dispose();
            }
        }
    }

    private static async Task<HttpResponseMessage> FollowAsync(HttpClient browser, HttpResponseMessage response, CancellationToken ct)
    {
        for (var hops = 0; response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && hops < 5; hops++)
        {
            response = await browser.GetAsync(response.Headers.Location, ct);
        }
        return response;
    }

    private static FormUrlEncodedContent Form(params (string Key, string? Value)[] fields) =>
        new(fields.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => KeyValuePair.Create(f.Key, f.Value!)));

    private static string? Query(Uri uri, string name) =>
        uri.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).Where(p => p[0] == name).Select(p => Uri.UnescapeDataString(p[1])).FirstOrDefault();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();
}

/// <summary>The token endpoint said no: its status and OAuth2 error body.</summary>
public sealed class TokenRefusedException(int status, JsonElement body)
    : Exception($"token endpoint answered {status}: {body}")
{
    public int Status { get; } = status;

    public JsonElement Body { get; } = body;
}
