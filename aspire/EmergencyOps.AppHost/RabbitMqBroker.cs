using System.Globalization;
using System.Security.Cryptography;

namespace EmergencyOps.AppHost;

/// <summary>
/// Our own RabbitMQ node, isolated from any system broker: its own node name, ports, cookie and state
/// under the data directory. It runs Debian's real start script rather than the /usr/sbin wrapper,
/// which would su to the rabbitmq user and send all output to /var/log/rabbitmq.
/// </summary>
internal sealed class RabbitMqBroker(int port, string dataDir) : BackingService("rabbitmq", port)
{
    private const string Scripts = "/usr/lib/rabbitmq/bin";
    private readonly string dir = Path.Combine(dataDir, "rabbitmq");
    private Epmd? epmd;
    private string? ctl;
    private Dictionary<string, string?> environment = [];

    public string Node => $"emergencyops-{Port}@localhost";
    public override string Url => $"amqp://127.0.0.1:{Port}";

    protected override Task<bool> IsReadyAsync(CancellationToken ct) => Probes.AmqpAsync(Port, ct);

    protected override async Task StartOwnAsync(CancellationToken ct)
    {
        var server = Require("rabbitmq-server", "rabbitmq-server", Scripts, "/usr/sbin");
        // Prefer the real script next to the Debian wrapper; rabbitmqctl lives beside whichever we use.
        server = File.Exists(Path.Combine(Scripts, "rabbitmq-server")) ? Path.Combine(Scripts, "rabbitmq-server") : server;
        ctl = Path.Combine(Path.GetDirectoryName(server)!, "rabbitmqctl");
        Prepare();

        // The node registers with epmd; if none runs, Erlang would daemonise one that outlives us.
        epmd = await Epmd.EnsureAsync(ct);
        Log.Info($"rabbitmq: starting node {Node} (state in {dir})");
        try
        {
            Process = ChildProcess.Start(Name, server, [], dir, environment);
        }
        catch
        {
            await epmd.StopIfOwnedAsync();
            throw;
        }
    }

    protected override async Task<bool> StopOwnAsync(ChildProcess process)
    {
        if (!process.HasExited && ctl is not null)
        {
            var (code, output) = await ChildProcess.RunAsync(
                "rabbitmqctl", ctl, ["-n", Node, "stop"], dir, environment, TimeSpan.FromSeconds(30));
            if (code != 0)
            {
                Log.Info($"rabbitmq: rabbitmqctl stop failed ({code}): {string.Join(" ", output)}");
            }
        }

        var graceful = await process.StopAsync(Grace);
        await epmd.StopIfOwnedAsync();
        epmd = null;
        return graceful;
    }

    protected override IReadOnlyList<string> DiagnosticTail()
    {
        var log = Path.Combine(dir, "log", $"{Node}.log");
        return File.Exists(log) ? [$"--- last lines of {log}", .. File.ReadLines(log).TakeLast(15)] : [];
    }

    private void Prepare()
    {
        Directory.CreateDirectory(Path.Combine(dir, "mnesia"));
        Directory.CreateDirectory(Path.Combine(dir, "log"));
        // No plugins: the management and prometheus listeners would clash with any other broker here.
        File.WriteAllText(Path.Combine(dir, "enabled_plugins"), "[].\n");
        EnsureCookie(Path.Combine(dir, ".erlang.cookie"));

        var p = Port.ToString(CultureInfo.InvariantCulture);
        environment = new Dictionary<string, string?>
        {
            // HOME is where the server and rabbitmqctl both look for the Erlang cookie.
            ["HOME"] = dir,
            ["RABBITMQ_NODENAME"] = Node,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = p,
            ["RABBITMQ_DIST_PORT"] = (Port + 20000).ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(dir, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(dir, "log"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(dir, "enabled_plugins"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(dir, $"{Node}.pid"),
            // Point the config files into our folder so /etc/rabbitmq never changes our node.
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(dir, "rabbitmq-env.conf"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(dir, "rabbitmq"),
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(dir, "advanced.config"),
            ["RABBITMQ_ALLOW_INPUT"] = null,
        };
    }

    // Erlang refuses a cookie file that others can read.
    private static void EnsureCookie(string path)
    {
        if (!File.Exists(path))
        {
            var cookie = string.Concat(RandomNumberGenerator.GetItems<char>("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 20));
            File.WriteAllText(path, cookie);
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead);
    }
}
