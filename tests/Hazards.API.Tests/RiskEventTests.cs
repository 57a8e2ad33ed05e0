using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Testing;

namespace Hazards.API.Tests;

/// <summary>A test class on its own registry that records the risk-level changes the registry publishes on the broker.</summary>
public abstract class RiskEventTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : HazardsFactory
{
    protected TFactory Factory { get; } = factory;

    protected MessageRecorder Bus { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var client = Factory.CreateClient();
        await ServiceChecks.AssertReadyAsync(client);
        Bus = await new MessageRecorder(Factory.EntityPrefix).Record<EnterpriseRiskLevelChanged>().StartAsync();
    }

    public async Task DisposeAsync() => await Bus.DisposeAsync();

    protected List<EnterpriseRiskLevelChanged> Changes(Guid enterpriseId) =>
        [.. Bus.Received<EnterpriseRiskLevelChanged>().Select(m => m.Message).Where(m => m.EnterpriseId == enterpriseId)];

    protected async Task<EnterpriseRiskLevelChanged> ChangeAsync(Func<EnterpriseRiskLevelChanged, bool> match) =>
        (await Bus.WaitForAsync(match)).Message;
}
