using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace EmergencyOps.Testing;

/// <summary>
/// Hosts one service in-process against the real RabbitMQ and Redis, with a fresh SQLite database
/// and exchange/queue names of its own, so test classes never share state.
/// </summary>
public class ServiceFactory<TProgram> : WebApplicationFactory<TProgram> where TProgram : class
{
    private readonly string _connectionName;

    public ServiceFactory(string connectionName)
    {
        _connectionName = connectionName;
        EntityPrefix = TestInfrastructure.UniquePrefix(connectionName);
        DatabaseConnectionString = TestInfrastructure.FreshSqliteConnectionString(connectionName);
    }

    public string EntityPrefix { get; }

    public string DatabaseConnectionString { get; }

    // The first host of a service validates its options alone (HostStarts).
    protected override IHost CreateHost(IHostBuilder builder) => HostStarts.First(typeof(TProgram), () => base.CreateHost(builder));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        // The services' own tests act as a local user with every scope; the identity tests use real tokens.
        builder.UseSetting(EmergencyOps.ServiceDefaults.AuthenticationExtensions.InProcessTestsKey, "true");
        builder.UseSetting("ConnectionStrings:messaging", TestInfrastructure.RabbitMq.ToString());
        builder.UseSetting("ConnectionStrings:redis", TestInfrastructure.Redis);
        builder.UseSetting($"ConnectionStrings:{_connectionName}", DatabaseConnectionString);
        builder.UseSetting("Messaging:EntityPrefix", EntityPrefix);
        builder.UseSetting("Redis:KeyPrefix", EntityPrefix + ":");
        builder.UseSetting("Messaging:TemporaryQueues", "true");
    }
}
