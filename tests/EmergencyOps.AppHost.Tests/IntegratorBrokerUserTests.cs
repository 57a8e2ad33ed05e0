using System.Net;
using System.Net.Http.Json;
using System.Text;
using Aspire.Hosting.ApplicationModel;
using EmergencyOps.Testing;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace EmergencyOps.AppHost.Tests;

/// <summary>
/// The AppHost's broker gives integrators a user of their own (its password the secret parameter): with it an integrator
/// binds its own queue to an event exchange and receives the events, and cannot publish them.
/// </summary>
[Collection(RunningSystem.Name)]
public sealed class IntegratorBrokerUserTests(SystemFixture system)
{
    [Fact]
    public async Task An_integrator_connects_as_its_own_user_receives_warnings_on_its_own_queue_and_cannot_publish_one()
    {
        const string exchange = "EmergencyOps.Contracts.Warnings:WarningIssued";
        var queue = $"integrator.apphost-{Guid.NewGuid():N}";
        var parameter = system.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ParameterResource>()
            .Single(p => p.Name == "integrator-password");
        var password = await parameter.GetValueAsync(CancellationToken.None);
        var factory = new ConnectionFactory { Uri = new UriBuilder(system.Broker) { UserName = "integrator", Password = password }.Uri };
        using var duty = await system.AsAsync("duty1");
        await IssueAsync(duty, "松江区暴雨蓝色预警（接入方演练）");

        // The user is made once the node is ready, and the exchange once a warning went out: wait for both.
        await using var connection = await Eventually.GetAsync(async () =>
        {
            try { return await factory.CreateConnectionAsync(); }
            catch (BrokerUnreachableException) { return null; }
        }, "a connection as the integrator user");
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: true, autoDelete: true);
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                await using var probe = await connection.CreateChannelAsync();
                await probe.QueueBindAsync(queue, exchange, "");
                return true;
            }
            catch (OperationInterruptedException)
            {
                return false;
            }
        }, "the integrator's queue bound to the WarningIssued exchange");

        var id = await IssueAsync(duty, "松江区暴雨蓝色预警（接入方收到）");
        var received = await Eventually.GetAsync(() => channel.BasicGetAsync(queue, autoAck: true), "the warning in the integrator's queue");
        Assert.Contains(id.ToString(), Encoding.UTF8.GetString(received.Body.Span), StringComparison.Ordinal);

        await using var publisher = await connection.CreateChannelAsync();
        var refused = await Assert.ThrowsAnyAsync<OperationInterruptedException>(async () =>
        {
            await publisher.BasicPublishAsync(exchange, "", Encoding.UTF8.GetBytes("{}"));
            await publisher.QueueDeclarePassiveAsync(queue);
        });
        Assert.Equal((ushort)403, refused.ShutdownReason?.ReplyCode);
    }

    private static async Task<Guid> IssueAsync(HttpClient duty, string headline)
    {
        using var issued = await duty.PostAsJsonAsync("/api/warnings", new
        {
            type = "rainstorm", level = "blue", area = new { districtCodes = new[] { "310117" } }, headline, status = "Exercise",
            description = "预计未来6小时松江区累计降水量将达50毫米以上。", responsibleUnits = new[] { "松江区应急管理局" },
        });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        return (await issued.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
    }
}
