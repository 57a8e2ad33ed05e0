using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.Testing;

namespace Identity.API.Tests;

public sealed class KeyTests
{
    [Fact]
    public async Task A_restart_on_the_same_data_keeps_the_signing_key_so_tokens_issued_before_stay_valid()
    {
        string firstKeys, token;
        string database;
        using (var first = new IdentityFactory())
        {
            database = first.DatabaseConnectionString;
            using var client = first.CreateClient();
            firstKeys = (await client.GetFromJsonAsync<JsonElement>("/.well-known/jwks")).GetRawText();
            using var tokens = first.Tokens();
            token = await tokens.GetAsync("station-1");
        }
        using var second = new IdentityFactory(database);
        using var again = second.CreateClient();
        var secondKeys = await again.GetFromJsonAsync<JsonElement>("/.well-known/jwks");
        Assert.Equal(firstKeys, secondKeys.GetRawText());
        var kid = Jwt.Header(token).GetProperty("kid").GetString();
        Assert.Contains(secondKeys.GetProperty("keys").EnumerateArray(), k => k.GetProperty("kid").GetString() == kid);
        Assert.True(File.Exists(Path.Combine(second.KeysDirectory, "signing.pem")));
    }
}
