using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EmergencyOps.ServiceDefaults;

/// <summary>
/// Checks a bearer token's signature once per process rather than on every request: a client sends the same token until
/// it expires, and the RSA verification was about a quarter of a cached read's CPU (profile of the code resolutions).
/// A token is taken from here only as the exact string that passed full validation, only until the earlier of its
/// expiry and <see cref="MostReuse"/> after that validation (so a signing key withdrawn by the identity service stops
/// being honoured within minutes, as a key cache's refresh would), and each request gets its own copy of the identity.
/// Refused tokens are never kept: a changed token, even by one character, is validated in full.
/// </summary>
public sealed class ValidatedTokens(TimeProvider time) : JsonWebTokenHandler
{
    public static readonly TimeSpan MostReuse = TimeSpan.FromMinutes(5);

    // Tokens of a process's callers at once: a service sees a few hundred clients and users; beyond this it starts afresh.
    private const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Validated> _validated = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = time.GetUtcNow();
        if (token is not null && _validated.TryGetValue(token, out var known))
        {
            if (now < known.Until)
            {
                return known.Copy();
            }
            _validated.TryRemove(token, out _);
        }
        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (token is not null && result is { IsValid: true, ClaimsIdentity: not null, SecurityToken: { } validated })
        {
            var expires = new DateTimeOffset(DateTime.SpecifyKind(validated.ValidTo, DateTimeKind.Utc));
            var until = expires < now + MostReuse ? expires : now + MostReuse;
            if (_validated.Count >= Capacity)
            {
                Sweep(now);
            }
            _validated[token] = new Validated(result, until);
        }
        return result;
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (token, entry) in _validated)
        {
            if (entry.Until <= now)
            {
                _validated.TryRemove(token, out _);
            }
        }
        if (_validated.Count >= Capacity)
        {
            _validated.Clear();
        }
    }

    private sealed record Validated(TokenValidationResult Result, DateTimeOffset Until)
    {
        // The handler builds a principal around the identity, and the application may add to it: never share one.
        public TokenValidationResult Copy() => new()
        {
            IsValid = true,
            ClaimsIdentity = Result.ClaimsIdentity.Clone(),
            SecurityToken = Result.SecurityToken,
            Issuer = Result.Issuer,
            TokenType = Result.TokenType,
        };
    }
}
