using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EmergencyOps.Identity.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EmergencyOps.AppHost.Tests;

/// <summary>Hostile requests through the gateway: each gets a 4xx and changes nothing.</summary>
[Collection(RunningSystem.Name)]
public sealed class AbuseTests(SystemFixture system)
{
    private const string Shelters = "/api/shelters?pageSize=200";

    [Fact]
    public async Task Oversized_deeply_nested_and_invalid_utf8_bodies_are_refused_and_register_nothing()
    {
        using var admin = await system.AsAsync("admin");
        var before = await CountAsync(admin);

        var huge = "{\"name\":\"" + new string('a', 2 * 1024 * 1024) + "\"}";
        using (var oversized = await admin.PostAsync(new Uri("/api/shelters", UriKind.Relative), new StringContent(huge, Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        }
        var nested = new string('[', 5000) + new string(']', 5000);
        using (var deep = await admin.PostAsync(new Uri("/api/shelters", UriKind.Relative), new StringContent(nested, Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, deep.StatusCode);
        }
        var bytes = Encoding.UTF8.GetBytes("{\"name\":\"避难场所\",\"address\":\"x\"}").ToList();
        bytes.InsertRange(10, new byte[] { 0xC3, 0x28, 0xFF });
        using (var content = new ByteArrayContent([.. bytes]))
        {
            content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
            using var invalid = await admin.PostAsync(new Uri("/api/shelters", UriKind.Relative), content);
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        }
        Assert.Equal(before, await CountAsync(admin));
    }

    [Fact]
    public async Task Sql_looking_values_and_path_traversal_in_ids_are_refused_and_the_data_stays()
    {
        using var admin = await system.AsAsync("admin");
        var before = await CountAsync(admin);
        string[] urls =
        [
            "/api/shelters?district=310115%27%20OR%20%271%27%3D%271",
            "/api/shelters/1%3B%20DROP%20TABLE%20Shelters",
            "/api/shelters/..%2F..%2F..%2Fetc%2Fpasswd",
            "/api/hazards/codes/..%2F..%2Fappsettings.json",
            "/api/inventory/warehouses/%2E%2E%2F%2E%2E%2Fidentity-keys",
            "/api/warnings?status=active%27%3B--",
        ];
        foreach (var url in urls)
        {
            using var response = await admin.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True((int)response.StatusCode is >= 400 and < 500 and not 401 and not 403, $"{url} → {(int)response.StatusCode}");
        }
        using (var sql = await admin.PostAsJsonAsync("/api/shelters", new { name = "x'); DROP TABLE Shelters;--", districtCode = "310115' OR '1'='1" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, sql.StatusCode);
        }
        Assert.Equal(before, await CountAsync(admin));
    }

    [Fact]
    public async Task Expired_foreign_key_and_other_audience_tokens_are_refused_with_401()
    {
        var gateway = system.Gateway.BaseAddress!;
        using var rsa = RSA.Create();
        rsa.ImportFromPem(await File.ReadAllTextAsync(Path.Combine(system.DataDirectory, "identity-keys", "signing.pem")));
        var real = new RsaSecurityKey(rsa) { KeyId = Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportParameters(false).Modulus!)[..16]) };
        using var other = RSA.Create(2048);
        var foreign = new RsaSecurityKey(other) { KeyId = real.KeyId };

        // The same token shape the identity service issues, so only the property under test is wrong.
        string Forge(SecurityKey key, string audience, DateTime expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = gateway.AbsoluteUri, Audience = audience, TokenType = "at+jwt",
            IssuedAt = expires.AddMinutes(-15), NotBefore = expires.AddMinutes(-15), Expires = expires,
            Subject = new ClaimsIdentity([new Claim("sub", "duty1"), new Claim("name", "伪造"), new Claim("scope", "warnings:read shelters:read")]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });

        // The control: a token this test signs with the real key, for the right audience, in date, is accepted.
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(Forge(real, "shelters", DateTime.UtcNow.AddMinutes(5))));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(Forge(real, "shelters", DateTime.UtcNow.AddMinutes(-5))));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(Forge(foreign, "shelters", DateTime.UtcNow.AddMinutes(5))));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(Forge(real, "billing", DateTime.UtcNow.AddMinutes(5))));
        // A real token without the scope: known, so 403, not 401 (a warehouse reads no shelters).
        Assert.Equal(HttpStatusCode.Forbidden, await StatusWithAsync(await system.Tokens.GetAsync("warehouse-pd-r-n")));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync("not-a-token"));
    }

    private async Task<HttpStatusCode> StatusWithAsync(string token)
    {
        using var client = system.ConnectionPerRequest("gateway");
        client.DefaultRequestHeaders.Authorization = TokenSource.Bearer(token);
        using var response = await client.GetAsync(new Uri(Shelters, UriKind.Relative));
        return response.StatusCode;
    }

    private static async Task<long> CountAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync(new Uri(Shelters, UriKind.Relative))).RootElement.GetProperty("count").GetInt64();
}
