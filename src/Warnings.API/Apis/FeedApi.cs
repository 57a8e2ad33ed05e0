using System.Globalization;
using System.Text;
using EmergencyOps.ServiceDefaults.Input;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Warnings.API.Extensions;
using Warnings.API.Infrastructure;
using Warnings.API.Model;

namespace Warnings.API.Apis;

/// <summary>The live feed: Server-Sent Events, resumable with <c>Last-Event-ID</c>, filterable.</summary>
public static class FeedApi
{
    private static readonly byte[] Heartbeat = Encoding.UTF8.GetBytes(": heartbeat\n\n");

    public static RouteGroupBuilder MapFeedApi(this RouteGroupBuilder api)
    {
        api.MapGet("/feed", Feed).WithName("WarningFeed")
            .WithSummary("Live feed of every publish, update, lift, cancel and expiry (text/event-stream); reconnect with Last-Event-ID to receive what was missed, in order, once")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .WithMetadata(new EmergencyOps.ServiceDefaults.Input.StreamingResponseAttribute())
            .RequireAuthorization(WarningsPolicies.Read);
        return api;
    }

    public static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> Feed(
        HttpContext http, WarningsContext db, FeedHub hub, IOptions<WarningsOptions> options, IHostApplicationLifetime lifetime,
        [Text(WarningLimits.DistrictFilter)] string? district, [Text(WarningLimits.LevelFilter)] string? level, [Text(WarningLimits.TypeFilter)] string? type,
        [Text(WarningLimits.EnumName)] string? status, [Bounded(0, WarningLimits.FeedSequence)] long? lastEventId, CancellationToken cancellationToken)
    {
        var errors = FeedFilter.TryParse(district, level, type, status, out var filter);
        var resumeFrom = lastEventId;
        if (http.Request.Headers["Last-Event-ID"].FirstOrDefault() is { Length: > 0 } header)
        {
            if (long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed <= WarningLimits.FeedSequence) resumeFrom = parsed;
            else errors["Last-Event-ID"] = ["The last event id is the number of an event this feed sent."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        // A district operator's feed carries its district's warnings only, whatever districts it asked for.
        var binding = DistrictBinding.Of(http.User);
        if (binding.Narrow(filter.Districts) is not { } districts)
        {
            return binding.OtherDistricts(filter.Districts);
        }
        filter = filter with { Districts = districts };

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        // Subscribe before reading the backlog: whatever commits in between arrives on the channel too
        // and is skipped by sequence, so nothing is lost and nothing is sent twice.
        var (id, reader) = hub.Subscribe();
        // A stopping replica ends its feeds at once instead of holding its shutdown for them: the clients reconnect with
        // Last-Event-ID (to another replica, or to this one restarted) and miss nothing.
        using var stream = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        cancellationToken = stream.Token;
        try
        {
            var body = http.Response.Body;
            await body.WriteAsync(Encoding.UTF8.GetBytes("retry: 3000\n\n"), cancellationToken);
            await body.FlushAsync(cancellationToken);
            var seen = resumeFrom ?? 0;
            if (resumeFrom is { } from)
            {
                seen = await ReplayAsync(db, from, await hub.DeliveredAsync(cancellationToken), filter, body, cancellationToken);
            }
            await StreamAsync(reader, filter, seen, body, options.Value.HeartbeatInterval, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away, or this replica is stopping.
        }
        finally
        {
            hub.Unsubscribe(id);
        }
        return TypedResults.Empty;
    }

    private static async Task<long> ReplayAsync(WarningsContext db, long from, long upTo, FeedFilter filter, Stream body, CancellationToken cancellationToken)
    {
        var seen = from;
        while (true)
        {
            var page = await db.Feed.AsNoTracking().Where(e => e.Sequence > seen && e.Sequence <= upTo).OrderBy(e => e.Sequence).Take(500).ToListAsync(cancellationToken);
            foreach (var item in page.Select(FeedItem.From))
            {
                if (filter.Matches(item))
                {
                    await body.WriteAsync(item.Frame, cancellationToken);
                }
                seen = item.Sequence;
            }
            await body.FlushAsync(cancellationToken);
            if (page.Count < 500)
            {
                return seen;
            }
        }
    }

    private static async Task StreamAsync(
        System.Threading.Channels.ChannelReader<FeedItem> reader, FeedFilter filter, long seen, Stream body, TimeSpan heartbeat, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            idle.CancelAfter(heartbeat);
            bool more;
            try
            {
                more = await reader.WaitToReadAsync(idle.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await body.WriteAsync(Heartbeat, cancellationToken);
                await body.FlushAsync(cancellationToken);
                continue;
            }
            if (!more)
            {
                // Dropped for falling too far behind: ending the stream makes the client reconnect and replay.
                return;
            }
            while (reader.TryRead(out var item))
            {
                if (item.Sequence > seen && filter.Matches(item))
                {
                    await body.WriteAsync(item.Frame, cancellationToken);
                }
                seen = Math.Max(seen, item.Sequence);
            }
            await body.FlushAsync(cancellationToken);
        }
    }
}
