using EmergencyOps.Testing;

namespace Hazards.API.Tests;

/// <summary>
/// Two replicas starting at once on one new database file, as the AppHost starts them: both find the catalogue and the
/// standard's tables missing, both seed them, and both must come up (the one that loses the race reads again).
/// </summary>
public sealed class ReplicaStartTests
{
    [Fact]
    public async Task Two_replicas_starting_together_on_a_new_database_both_come_up_with_one_catalogue()
    {
        for (var round = 0; round < 3; round++)
        {
            // A new file each round: the race is at the first start.
            var file = TestInfrastructure.FreshSqliteConnectionString("hazardsdb");
            await using var first = new ExistingDatabaseFactory(file);
            await using var second = new ExistingDatabaseFactory(file);
            var clients = await Task.WhenAll(Task.Run(first.CreateClient), Task.Run(second.CreateClient));
            foreach (var client in clients)
            {
                await ServiceChecks.AssertReadyAsync(client);
            }
            var categories = await clients[0].GetStringAsync(new Uri("/api/hazards/tables/gb18218", UriKind.Relative));
            Assert.Equal(categories, await clients[1].GetStringAsync(new Uri("/api/hazards/tables/gb18218", UriKind.Relative)));
            Array.ForEach(clients, c => c.Dispose());
        }
    }
}
