using Microsoft.Extensions.DependencyInjection;

namespace EmergencyOps.AppHost;

/// <summary>
/// A RabbitMQ node of its own from Debian's package, as an executable. It runs the real start script rather
/// than the <c>/usr/sbin</c> wrapper, which as root would re-execute as the rabbitmq user and log to /var/log.
/// Its state (node data, cookie) stays in the data folder; its logs go to the console, so to the dashboard.
/// </summary>
internal sealed class RabbitMqNodeResource(string name, string workingDirectory)
    : ExecutableResource(name, "/usr/lib/rabbitmq/bin/rabbitmq-server", workingDirectory), IResourceWithConnectionString
{
    public const string NodeName = "emergencyops@localhost";

    public EndpointReference Amqp => new(this, "amqp");

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"amqp://guest:guest@127.0.0.1:{Amqp.Property(EndpointProperty.Port)}/");
}

internal static class RabbitMqNodeExtensions
{
    public static IResourceBuilder<RabbitMqNodeResource> AddRabbitMqNode(this IDistributedApplicationBuilder builder, string name, string dataDirectory)
    {
        var directory = Path.Combine(dataDirectory, "rabbitmq");
        Directory.CreateDirectory(Path.Combine(directory, "mnesia"));
        Directory.CreateDirectory(Path.Combine(directory, "log"));
        // No plugins: their listeners (management, prometheus) would clash with any other broker on this machine.
        File.WriteAllText(Path.Combine(directory, "enabled_plugins"), "[].\n");
        File.WriteAllText(Path.Combine(directory, "rabbitmq-env.conf"), "");

        // The node registers with an epmd of our own, run in the foreground: the one Erlang would daemonise itself outlives the AppHost.
        var epmd = builder.AddExecutable($"{name}-epmd", "epmd", directory, "-address", "127.0.0.1")
            .WithEndpoint(name: "tcp", scheme: "tcp", isProxied: false, env: "ERL_EPMD_PORT")
            .WithIconName("PlugConnected");
        var epmdCheck = $"{name}-epmd-answers";
        builder.Services.AddHealthChecks().AddAsyncCheck(epmdCheck, ct => ServerProbe.AcceptsAsync(epmd.GetEndpoint("tcp"), ct));
        epmd.WithHealthCheck(epmdCheck);

        var node = new RabbitMqNodeResource(name, directory);
        return builder.AddResource(node)
            .WithEndpoint(name: "amqp", scheme: "amqp", isProxied: false, env: "RABBITMQ_NODE_PORT")
            .WithEndpoint(name: "dist", scheme: "tcp", isProxied: false, env: "RABBITMQ_DIST_PORT")
            .WithEnvironment("ERL_EPMD_PORT", epmd.GetEndpoint("tcp").Property(EndpointProperty.TargetPort))
            .WithEnvironment(context =>
            {
                var env = context.EnvironmentVariables;
                // HOME is where Erlang keeps the node's cookie.
                env["HOME"] = directory;
                env["RABBITMQ_NODENAME"] = RabbitMqNodeResource.NodeName;
                env["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
                env["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia");
                env["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log");
                env["RABBITMQ_LOGS"] = "-";
                env["RABBITMQ_PID_FILE"] = Path.Combine(directory, "rabbitmq.pid");
                env["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins");
                // Files of our own, so /etc/rabbitmq never changes this node.
                env["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(directory, "rabbitmq-env.conf");
                env["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq");
                env["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(directory, "advanced.config");
            })
            .WaitFor(epmd)
            .WithChildRelationship(epmd)
            .WithIconName("ArrowSwap")
            .WithIntegratorUser(epmd.GetEndpoint("tcp"), directory);
    }
}
