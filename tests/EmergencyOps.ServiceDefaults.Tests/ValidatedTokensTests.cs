using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace EmergencyOps.ServiceDefaults.Tests;

/// <summary>
/// A token's signature is checked once, then the exact token is honoured until the earlier of its expiry and five
/// minutes; anything else is validated in full. The "withdrawn key" below is a validation with a key that did not sign
/// the token: it passes only while the earlier validation is reused.
/// </summary>
public sealed class ValidatedTokensTests : IDisposable
{
    private readonly RSA _signing = RSA.Create(2048);
    private readonly RSA _other = RSA.Create(2048);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly ValidatedTokens _tokens;

    public ValidatedTokensTests() => _tokens = new ValidatedTokens(_time);

    public void Dispose()
    {
        _signing.Dispose();
        _other.Dispose();
    }

    [Fact]
    public async Task A_validated_token_is_honoured_without_its_signature_check_for_five_minutes_at_most()
    {
        var (reused, revalidated) = await WithdrawnKeyAsync(TimeSpan.FromHours(1), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        Assert.True(reused.IsValid);
        Assert.Equal("duty1", reused.ClaimsIdentity.FindFirst("sub")?.Value);
        Assert.False(revalidated.IsValid);
        Assert.IsType<SecurityTokenSignatureKeyNotFoundException>(revalidated.Exception, exactMatch: false);
    }

    [Fact]
    public async Task A_token_is_never_honoured_past_its_expiry()
    {
        var (before, after) = await WithdrawnKeyAsync(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));

        Assert.True(before.IsValid);
        Assert.False(after.IsValid);
    }

    [Fact]
    public async Task A_token_changed_by_one_character_is_validated_in_full_and_refused()
    {
        var token = Token(TimeSpan.FromHours(1));
        Assert.True((await _tokens.ValidateTokenAsync(token, Parameters(_signing))).IsValid);

        var signature = token.LastIndexOf('.') + 1;
        var changed = token[..signature] + (token[signature] == 'A' ? 'B' : 'A') + token[(signature + 1)..];
        var result = await _tokens.ValidateTokenAsync(changed, Parameters(_signing));

        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenInvalidSignatureException>(result.Exception, exactMatch: false);
    }

    [Fact]
    public async Task A_refused_token_is_not_remembered()
    {
        var token = Token(TimeSpan.FromHours(1));

        var refused = await _tokens.ValidateTokenAsync(token, Parameters(_other));
        var accepted = await _tokens.ValidateTokenAsync(token, Parameters(_signing));

        Assert.False(refused.IsValid);
        Assert.True(accepted.IsValid);
    }

    [Fact]
    public async Task Each_request_gets_an_identity_of_its_own()
    {
        var token = Token(TimeSpan.FromHours(1));
        var first = await _tokens.ValidateTokenAsync(token, Parameters(_signing));

        var second = await _tokens.ValidateTokenAsync(token, Parameters(_signing));
        second.ClaimsIdentity.AddClaim(new Claim("added", "by one request"));
        var third = await _tokens.ValidateTokenAsync(token, Parameters(_signing));

        Assert.NotSame(second.ClaimsIdentity, third.ClaimsIdentity);
        Assert.Null(third.ClaimsIdentity.FindFirst("added"));
        Assert.Equal(
            first.ClaimsIdentity.Claims.Select(c => (c.Type, c.Value)),
            third.ClaimsIdentity.Claims.Select(c => (c.Type, c.Value)));
        Assert.Equal("hazards:read", third.ClaimsIdentity.FindFirst("scope")?.Value);
    }

    // Validates a token of that lifetime, then, with a key that did not sign it, at two moments after (from the first).
    private async Task<(TokenValidationResult First, TokenValidationResult Second)> WithdrawnKeyAsync(TimeSpan lifetime, TimeSpan first, TimeSpan second)
    {
        var token = Token(lifetime);
        Assert.True((await _tokens.ValidateTokenAsync(token, Parameters(_signing))).IsValid);
        _time.Advance(first);
        var atFirst = await _tokens.ValidateTokenAsync(token, Parameters(_other));
        _time.Advance(second - first);
        return (atFirst, await _tokens.ValidateTokenAsync(token, Parameters(_other)));
    }

    // The record's reuse reads the fake clock; the token's own lifetime is from the real one.
    private string Token(TimeSpan lifetime) => TestTokens.Create(_signing, "hazards", "hazards:read", lifetime);

    private static TokenValidationParameters Parameters(RSA key) => new()
    {
        ValidIssuer = TestTokens.Issuer,
        ValidAudience = "hazards",
        IssuerSigningKey = new RsaSecurityKey(key),
        ClockSkew = TimeSpan.Zero,
    };
}
