using System.Security.Cryptography;
using EmergencyOps.Messaging.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyOps.Messaging.Idempotency;

/// <summary>
/// Makes a POST safe to retry (IETF Idempotency-Key draft): the handler runs inside a transaction that
/// also stores its answer when it succeeded; the same key again replays that answer; the same key with a different
/// payload is a 422; a missing key is a 400 where the endpoint requires one. A refusal (4xx) is not stored, unless
/// the handler kept something of it (<see cref="IdempotencyExtensions.KeepRefusalAsAnswer"/>). Concurrent requests with
/// one key are serialised by the record's primary key: the second waits, then replays.
/// </summary>
internal sealed class IdempotencyFilter<TContext>(bool required) : IEndpointFilter where TContext : DbContext
{
    public const string HeaderName = "Idempotency-Key";

    // Compiled once per context type: every keyed request asks it, under the write lock.
    private static readonly Func<TContext, string, string, CancellationToken, Task<IdempotencyRecord?>> Find =
        EF.CompileAsyncQuery((TContext db, string scope, string key, CancellationToken _) =>
            db.Set<IdempotencyRecord>().AsNoTracking().SingleOrDefault(r => r.Scope == scope && r.Key == key));

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[HeaderName].ToString();
        if (string.IsNullOrWhiteSpace(key))
        {
            return required
                ? Problem(StatusCodes.Status400BadRequest, "Idempotency-Key required", $"Send an {HeaderName} header (a unique value per change, e.g. a UUID) so a retry cannot apply the change twice.")
                : await next(context);
        }
        if (key.Length > 200)
        {
            return Problem(StatusCodes.Status400BadRequest, "Idempotency-Key too long", $"{HeaderName} is at most 200 characters.");
        }

        var db = http.RequestServices.GetRequiredService<TContext>();
        // Callers without a token share no name: their keys are scoped by their address, so another's key replays nothing.
        var caller = http.User.Identity is { IsAuthenticated: true, Name: var name } ? name : $"anonymous@{http.Connection.RemoteIpAddress}";
        var scope = $"{http.Request.Method} {http.Request.Path} {caller}";
        var hash = await HashAsync(http.Request);
        await using var transaction = await db.BeginOrJoinTransactionAsync(http.RequestAborted);
        var first = await Find(db, scope, key, http.RequestAborted);
        if (first is not null)
        {
            return first.RequestHash == hash
                ? new ReplayResult(first)
                : Problem(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused", $"{HeaderName} '{key}' was already used with a different request; use a new key for a new change.");
        }

        var result = await next(context);
        var answer = await BufferedResponse.CaptureAsync(http, result);
        if (answer.StatusCode >= 500)
        {
            return new ReplayResult(answer.ToRecord(scope, key, hash, DateTime.UtcNow), replayed: false); // nothing stored: the transaction rolls back
        }
        if (answer.StatusCode >= 400 && (transaction.SaveFailed || !http.Items.ContainsKey(IdempotencyExtensions.KeepRefusalKey)))
        {
            // A refusal is not remembered: the same key may carry the corrected request. What the handler chose to keep
            // of a refusal (a refused scan's anomaly) is kept, unless one of its saves failed part way (a lost race it
            // answered with a 409): then the transaction rolls back and nothing is.
            if (!transaction.SaveFailed)
            {
                await transaction.CommitAsync(http.RequestAborted);
            }
            return new ReplayResult(answer.ToRecord(scope, key, hash, DateTime.UtcNow), replayed: false);
        }
        var record = answer.ToRecord(scope, key, hash, DateTime.UtcNow);
        db.Set<IdempotencyRecord>().Add(record);
        await db.SaveChangesAsync(http.RequestAborted);
        await transaction.CommitAsync(http.RequestAborted);
        return new ReplayResult(record, replayed: false);
    }

    private static async Task<string> HashAsync(HttpRequest request)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes(request.Path + request.QueryString));
        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
            var buffer = new byte[8192];
            int read;
            while ((read = await request.Body.ReadAsync(buffer)) > 0)
            {
                sha.AppendData(buffer, 0, read);
            }
            request.Body.Position = 0;
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);
}
