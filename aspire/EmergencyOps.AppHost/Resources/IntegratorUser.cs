using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmergencyOps.AppHost;

/// <summary>
/// The broker user integrators connect as (<c>integrator</c>), never the services' credentials. Created (or its password
/// updated) by <c>Resources/integrator-user.sh</c> once the node is ready; its password is the secret parameter
/// <c>integrator-password</c> (<c>Parameters:integrator-password</c> in configuration or user secrets, else generated per
/// run and shown, masked, among the dashboard's parameters). The password goes to the script on standard input and is
/// never logged.
/// </summary>
internal static partial class IntegratorUser
{
    public const string Name = "integrator";
    public const string PasswordParameter = "integrator-password";
    private const string Rabbitmqctl = "/usr/lib/rabbitmq/bin/rabbitmqctl";

    public static IResourceBuilder<RabbitMqNodeResource> WithIntegratorUser(
        this IResourceBuilder<RabbitMqNodeResource> node, EndpointReference epmd, string nodeDirectory)
    {
        var builder = node.ApplicationBuilder;
        var password = builder.AddParameter(PasswordParameter, new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true);
        var script = Path.Combine(builder.AppHostDirectory, "Resources", "integrator-user.sh");
        builder.Eventing.Subscribe<ResourceReadyEvent>(node.Resource, async (e, ct) =>
        {
            var logger = e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(node.Resource);
            var secret = await password.Resource.GetValueAsync(ct) ?? throw new InvalidOperationException($"{PasswordParameter} has no value");
            var start = new ProcessStartInfo("bash", [script, Name, "/"])
            {
                RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            // rabbitmqctl reaches our node as the node itself runs: its name, its epmd, its cookie (in HOME).
            start.Environment["RABBITMQCTL"] = Rabbitmqctl;
            start.Environment["RABBITMQ_NODENAME"] = RabbitMqNodeResource.NodeName;
            start.Environment["ERL_EPMD_PORT"] = epmd.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["HOME"] = nodeDirectory;
            start.Environment["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(nodeDirectory, "rabbitmq-env.conf");
            using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
            await process.StandardInput.WriteLineAsync(secret.AsMemory(), ct);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var errors = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            var (said, complained) = ((await output).Trim(), (await errors).Trim());
            if (process.ExitCode == 0)
            {
                LogCreated(logger, Name, said);
            }
            else
            {
                LogFailed(logger, Name, process.ExitCode, complained);
            }
        });
        return node;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Broker user {User} for integrators: {Outcome}")]
    private static partial void LogCreated(ILogger logger, string user, string outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not set up the broker user {User} (exit {ExitCode}): {Errors}")]
    private static partial void LogFailed(ILogger logger, string user, int exitCode, string errors);
}
