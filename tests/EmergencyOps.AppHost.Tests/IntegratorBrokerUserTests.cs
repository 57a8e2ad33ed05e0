using System.Net;
using System.Net.Http.Json;
using System.Text;
using Aspire.Hosting.ApplicationModel;
using System.Collections.Concurrent;
using EmergencyOps.Samples.Integrator;
using EmergencyOps.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
        var factory = new ConnectionFactory { Uri = await IntegratorBrokerAsync() };
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
        // The first warning's event may arrive after the bind too (its outbox publishes in the background): skipped.
        var received = await Eventually.GetAsync(async () => await channel.BasicGetAsync(queue, autoAck: true) is { } message
            && Encoding.UTF8.GetString(message.Body.Span).Contains(id.ToString(), StringComparison.Ordinal) ? message : null, "the warning in the integrator's queue");
        Assert.Contains("urn:message:EmergencyOps.Contracts.Warnings:WarningIssued", Encoding.UTF8.GetString(received.Body.Span), StringComparison.Ordinal);

        await using var publisher = await connection.CreateChannelAsync();
        var refused = await Assert.ThrowsAnyAsync<OperationInterruptedException>(async () =>
        {
            await publisher.BasicPublishAsync(exchange, "", Encoding.UTF8.GetBytes("{}"));
            await publisher.QueueDeclarePassiveAsync(queue);
        });
        Assert.Equal((ushort)403, refused.ShutdownReason?.ReplyCode);
    }

    // The sample integrator as its Program hosts it, with the integrator user on the AppHost's broker and every hazard and
    // warning exchange: a major hazard source graded through the gateway reaches it over the hazards service's outbox.
    [Fact]
    public async Task The_sample_integrator_on_the_AppHost_broker_receives_a_major_hazard_source_graded_through_the_gateway()
    {
        var received = new ConcurrentQueue<ReceivedEvent>();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Integrator:Broker"] = (await IntegratorBrokerAsync()).ToString(),
            ["Integrator:Queue"] = $"integrator.apphost-sample-{Guid.NewGuid():N}",
            ["Integrator:ReconnectDelay"] = "00:00:00.200",
            ["Integrator:RebindInterval"] = "00:00:00.500",
        });
        builder.Services.AddIntegrator(builder.Configuration);
        using var sample = builder.Build();
        sample.Services.GetRequiredService<EventSubscriber>().Received += received.Enqueue;
        await sample.StartAsync();
        try
        {
            using var admin = await system.AsAsync("admin");
            var enterprise = await SystemData.EnterpriseAsync(admin, "91310116MA1K3PQ787", "上海金山氯碱储运有限公司", "JSLJ");
            // The exchange exists once hazards has published a grading, and the sample binds within its rebind interval:
            // units are graded until one reaches it.
            var unit = Guid.Empty;
            var attempt = 0;
            await Eventually.TrueAsync(async () =>
            {
                unit = await GradeAsync(admin, enterprise, $"液氯仓库{++attempt}");
                return await ArrivesAsync(received, unit);
            }, "a grading received by the sample integrator", TimeSpan.FromSeconds(60));

            var graded = received.First(e => e.Message.GetRawText().Contains(unit.ToString(), StringComparison.Ordinal));
            Assert.Equal("MajorHazardSourceClassified", graded.Type);
            Assert.Equal(3, graded.Message.GetProperty("level").GetInt32());
            Assert.Contains("districtCode=310116", graded.Summary, StringComparison.Ordinal);
        }
        finally
        {
            await sample.StopAsync();
        }
    }

    // Chlorine 30 t (Q 5, β 4), 20 people outside (α 1.0): S 6, R 24, 三级.
    private static async Task<Guid> GradeAsync(HttpClient admin, Guid enterprise, string name)
    {
        using var graded = await admin.PostAsJsonAsync($"/api/hazards/enterprises/{enterprise}/units", new
        {
            kind = "tankFarm", name, peopleOutside = 20, substances = new[] { new { cas = "7782-50-5", maxTonnes = 30m } },
        });
        Assert.Equal(HttpStatusCode.Created, graded.StatusCode);
        return (await graded.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("unitId").GetGuid();
    }

    private static async Task<bool> ArrivesAsync(ConcurrentQueue<ReceivedEvent> received, Guid unit)
    {
        try
        {
            await Eventually.TrueAsync(() => received.Any(e => e.Message.GetRawText().Contains(unit.ToString(), StringComparison.Ordinal)), $"unit {unit}", TimeSpan.FromSeconds(3));
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>The AppHost's broker as the integrator user, its password the secret parameter.</summary>
    private async Task<Uri> IntegratorBrokerAsync()
    {
        var parameter = system.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ParameterResource>()
            .Single(p => p.Name == "integrator-password");
        var password = await parameter.GetValueAsync(CancellationToken.None);
        return new UriBuilder(system.Broker) { UserName = "integrator", Password = password }.Uri;
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
