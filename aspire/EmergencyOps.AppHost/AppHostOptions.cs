using System.Globalization;

namespace EmergencyOps.AppHost;

/// <summary>Command-line options of the AppHost.</summary>
internal sealed record AppHostOptions
{
    public string? Seed { get; init; }
    public string? DataDir { get; init; }
    public int PortBase { get; init; } = 5080;
    public int RabbitMqPort { get; init; } = 5672;
    public int RedisPort { get; init; } = 6379;
    public string Configuration { get; init; } = "Debug";
    public string Environment { get; init; } = "Development";
    public bool NoBuild { get; init; }
    public bool Help { get; init; }

    public const string Usage = """
        Usage: ./run.sh [options]
               dotnet run --project aspire/EmergencyOps.AppHost -- [options]

        Runs the whole EmergencyOps topology on this machine: RabbitMQ, Redis, the hazards,
        warnings, inventory and shelters services and the gateway. Ctrl-C stops everything.

        Options:
          --seed NAME            after start-up, send aspire/EmergencyOps.AppHost/Seed/NAME/*.json
                                 to the gateway (e.g. --seed demo)
          --data-dir PATH        where databases and broker state live
                                 (default: $EMERGENCYOPS_DATA_DIR, else <repo>/data)
          --port-base N          gateway on N, hazards N+1, warnings N+2, inventory N+3,
                                 shelters N+4 (default 5080)
          --rabbitmq-port N      AMQP port; a broker already listening there is reused (default 5672)
          --redis-port N         Redis port; a server already listening there is reused (default 6379)
          --configuration NAME   build configuration (default Debug)
          --environment NAME     ASPNETCORE_ENVIRONMENT of the services (default Development)
          --no-build             run the existing build output instead of building first
          --help                 show this text
        """;

    public static AppHostOptions Parse(IReadOnlyList<string> args)
    {
        var options = new AppHostOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = Split(args[i]);
            string Value() => inline ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"{name} needs a value"));
            options = name switch
            {
                "--help" or "-h" => options with { Help = true },
                "--no-build" => options with { NoBuild = true },
                "--seed" => options with { Seed = SeedName(Value()) },
                "--data-dir" => options with { DataDir = NonEmpty(name, Value()) },
                "--port-base" => options with { PortBase = Port(name, Value(), reserve: 4) },
                "--rabbitmq-port" => options with { RabbitMqPort = Port(name, Value(), reserve: 20000) },
                "--redis-port" => options with { RedisPort = Port(name, Value(), reserve: 0) },
                "--configuration" or "-c" => options with { Configuration = NonEmpty(name, Value()) },
                "--environment" => options with { Environment = NonEmpty(name, Value()) },
                _ => throw new UsageException($"unknown option '{args[i]}'"),
            };
        }

        return options;
    }

    private static (string Name, string? Inline) Split(string arg)
    {
        var eq = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && eq > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
    }

    private static string NonEmpty(string name, string value) =>
        string.IsNullOrWhiteSpace(value) ? throw new UsageException($"{name} needs a value") : value;

    // The seed name becomes a folder name, so keep it to a plain word.
    private static string SeedName(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? value
            : throw new UsageException($"--seed expects a plain name such as 'demo', not '{value}'");

    // reserve: how many ports above this one the option also claims (RabbitMQ's distribution port is +20000).
    private static int Port(string name, string value, int reserve) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port > 0 && port + reserve <= 65535
            ? port
            : throw new UsageException($"{name} expects a port between 1 and {65535 - reserve}, not '{value}'");
}

/// <summary>A command line that cannot be acted on.</summary>
internal sealed class UsageException(string message) : Exception(message);
