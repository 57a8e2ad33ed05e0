using System.Globalization;

namespace EmergencyOps.AppHost;

/// <summary>One .NET service of the topology and the configuration it receives, in Aspire's conventions.</summary>
internal sealed record ServiceSpec(string Name, string Project, int Port, bool IsGateway)
{
    public static IReadOnlyList<ServiceSpec> Topology(int portBase) =>
    [
        new("hazards", "Hazards.API", portBase + 1, false),
        new("warnings", "Warnings.API", portBase + 2, false),
        new("inventory", "Inventory.API", portBase + 3, false),
        new("shelters", "Shelters.API", portBase + 4, false),
        new("gateway", "EmergencyOps.Gateway", portBase, true),
    ];

    /// <summary>The gateway binds "localhost" so it answers on both loopback families; services stay on IPv4.</summary>
    public string Url => string.Create(CultureInfo.InvariantCulture, $"http://{(IsGateway ? "localhost" : "127.0.0.1")}:{Port}");

    public Uri ReadyUrl => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/health/ready"));

    public string ProjectDirectory(string repoRoot) => Path.Combine(repoRoot, "src", Project);

    public string Assembly(string repoRoot, string configuration) =>
        Path.Combine(ProjectDirectory(repoRoot), "bin", configuration, "net10.0", $"{Project}.dll");

    public Dictionary<string, string?> Environment(HostContext host, IEnumerable<ServiceSpec> all)
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = host.Options.Environment,
            ["DOTNET_ENVIRONMENT"] = host.Options.Environment,
            ["ASPNETCORE_URLS"] = Url,
            // Inherited alternatives to ASPNETCORE_URLS would fight over the binding.
            ["ASPNETCORE_HTTP_PORTS"] = null,
            ["ASPNETCORE_HTTPS_PORTS"] = null,
            ["DOTNET_URLS"] = null,
            ["ConnectionStrings__messaging"] = string.Create(CultureInfo.InvariantCulture, $"amqp://guest:guest@127.0.0.1:{host.Options.RabbitMqPort}/"),
            ["ConnectionStrings__redis"] = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{host.Options.RedisPort}"),
            ["OTEL_SERVICE_NAME"] = Name,
        };

        // OTEL_EXPORTER_OTLP_ENDPOINT is inherited as is: passed through when set, absent otherwise.
        if (IsGateway)
        {
            foreach (var service in all.Where(s => !s.IsGateway))
            {
                env[$"services__{service.Name}__http__0"] = service.Url;
            }
        }
        else
        {
            env[$"ConnectionStrings__{Name}db"] = $"Data Source={Path.Combine(host.DataDir, Name + ".db")}";
            // Links a service writes into documents (CAP, Atom, QR codes) point at the one public origin.
            env[$"{Name}__PublicBaseUrl"] = all.Single(s => s.IsGateway).Url;
        }

        return env;
    }
}

/// <summary>What every part of the AppHost needs to know about this run.</summary>
internal sealed record HostContext(AppHostOptions Options, string RepoRoot, string Solution, string DataDir);
