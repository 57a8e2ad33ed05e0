using EmergencyOps.Messaging.Redis;
using StackExchange.Redis;

namespace EmergencyOps.Messaging.Tests;

/// <summary>
/// What counts as "Redis is away" for a cache or a notification (which then answers from the database): whatever the
/// client throws for a connection it does not have, whatever its state, but neither the caller's own cancellation nor
/// a fault of the caller's own code.
/// </summary>
public sealed class RedisOutageTests
{
    // Nothing listens on port 1; the client keeps trying in the background, as the services' multiplexer does.
    private const string Nowhere = "127.0.0.1:1,abortConnect=false,connectTimeout=200,syncTimeout=500,asyncTimeout=500";

    [Fact]
    public async Task A_command_without_a_connection_is_an_outage()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(Nowhere);

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => redis.GetDatabase().StringGetAsync("key"));

        Assert.IsType<RedisConnectionException>(thrown, exactMatch: false);
        Assert.True(RedisOutage.Is(thrown));
    }

    [Fact]
    public async Task An_invalid_operation_thrown_inside_the_client_is_an_outage()
    {
        var redis = await ConnectionMultiplexer.ConnectAsync(Nowhere);
        var database = redis.GetDatabase();
        await redis.DisposeAsync();

        // The client's state faults surface as InvalidOperationException (here its subclass for a closed connection);
        // a command pending when the client tears its reader down gets one too.
        var thrown = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => database.StringGetAsync("key"));

        Assert.Contains("StackExchange.Redis.", thrown.StackTrace, StringComparison.Ordinal);
        Assert.True(RedisOutage.Is(thrown));
    }

    [Fact]
    public void An_invalid_operation_of_the_callers_own_code_is_not_an_outage()
    {
        var thrown = Assert.Throws<InvalidOperationException>(() => ThrowOwn());

        Assert.False(RedisOutage.Is(thrown));
    }

    [Fact]
    public void A_cancellation_is_an_outage_only_when_the_caller_did_not_ask_for_it()
    {
        using var asked = new CancellationTokenSource();
        asked.Cancel();

        Assert.True(RedisOutage.Is(new TaskCanceledException(), CancellationToken.None));
        Assert.False(RedisOutage.Is(new TaskCanceledException(), asked.Token));
        Assert.True(RedisOutage.Is(new RedisTimeoutException("timed out", CommandStatus.Sent)));
    }

    private static void ThrowOwn() => throw new InvalidOperationException("a bug in the caller");
}
