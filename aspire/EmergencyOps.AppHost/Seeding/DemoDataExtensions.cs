using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace EmergencyOps.AppHost.Seeding;

internal static partial class DemoDataExtensions
{
    public const string CommandName = "load-demo-data";
    private const string DemoSeed = "demo";

    /// <summary>
    /// The demo data, loaded through the gateway's public APIs: from the dashboard (a command on the gateway,
    /// enabled once it is healthy) or at start-up with <c>--seed NAME</c>, once everything is healthy.
    /// Also tells the console where the system answers.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDemoData(this IResourceBuilder<ProjectResource> gateway, SystemSettings system)
    {
        var appHostDirectory = gateway.ApplicationBuilder.AppHostDirectory;
        var endpoint = gateway.GetEndpoint("http");
        var identities = LocalIdentities.Read(gateway.ApplicationBuilder.Configuration);
        gateway.WithCommand(CommandName, "Load demo data", async context =>
        {
            var outcome = await Seeder.RunAsync(appHostDirectory, DemoSeed, new Uri(endpoint.Url), identities, context.Logger, context.CancellationToken);
            return outcome.Failed == 0
                ? CommandResults.Success($"{outcome.Succeeded} requests succeeded")
                : CommandResults.Failure($"{outcome.Failed} of {outcome.Total} requests failed; the gateway's console log names them");
        }, new CommandOptions
        {
            Description = "Sends aspire/EmergencyOps.AppHost/Seed/demo/*.json to the gateway",
            IconName = "DatabaseArrowUp",
            UpdateState = context => context.ResourceSnapshot.HealthStatus == HealthStatus.Healthy
                ? ResourceCommandState.Enabled : ResourceCommandState.Disabled,
        });

        return gateway.OnResourceReady(async (_, ready, ct) =>
        {
            var logger = ready.Services.GetRequiredService<ILoggerFactory>().CreateLogger("EmergencyOps");
            LogReady(logger, endpoint.Url);
            if (system.Seed is { } seed)
            {
                await Seeder.RunAsync(appHostDirectory, seed, new Uri(endpoint.Url), identities, logger, ct);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "EmergencyOps is ready: {Url}")]
    private static partial void LogReady(ILogger logger, string url);
}
