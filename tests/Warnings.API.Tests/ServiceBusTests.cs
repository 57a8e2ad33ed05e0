using System.Text.Json;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Testing;

namespace Warnings.API.Tests;

/// <summary>
/// A test class with a client of its own warnings service and the real broker beside it: a recorder that publishes as
/// the other services do and records the event types <see cref="Records"/> names.
/// </summary>
public abstract class ServiceBusTests(WarningsFactory factory) : IAsyncLifetime
{
    protected WarningsFactory Factory => factory;

    protected HttpClient Client { get; private set; } = null!;

    protected MessageRecorder Bus { get; private set; } = null!;

    /// <summary>The event types to record; none by default.</summary>
    protected virtual MessageRecorder Records(MessageRecorder recorder) => recorder;

    public async Task InitializeAsync()
    {
        Client = factory.CreateClient();
        await ServiceChecks.AssertReadyAsync(Client);
        Bus = await Records(new MessageRecorder(factory.EntityPrefix)).StartAsync();
    }

    /// <summary>Publishes an enterprise's major hazard source as the registry does, and waits until this service knows it.</summary>
    protected async Task ClassifyAsync(Guid enterprise, MajorHazardLevel level)
    {
        await Bus.Bus.Publish(HazardReactionTests.Classified(enterprise, level));
        var name = JsonNamingPolicy.CamelCase.ConvertName(level.ToString());
        await Eventually.TrueAsync(async () => (await Client.GetJsonAsync("/api/warnings/hazard-sites")).EnumerateArray()
            .Any(s => s.GetProperty("enterpriseId").GetGuid() == enterprise && s.Str("level") == name), "the major hazard source known");
    }

    public async Task DisposeAsync()
    {
        await Bus.DisposeAsync();
        Client.Dispose();
    }
}
