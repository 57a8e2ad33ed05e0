using System.Text.RegularExpressions;
using EmergencyOps.Testing;

namespace EmergencyOps.Kubernetes.Tests;

/// <summary>
/// What the deployable projects and the AppHost say about each workload, read from their source: the container port,
/// the database each service registers, and the variables the AppHost gives each resource (all but its local-only ones).
/// </summary>
internal static partial class SystemProjects
{
    private static readonly string Root = Repository.Root();
    private static readonly string AppHost = File.ReadAllText(Path.Combine(Root, "aspire", "EmergencyOps.AppHost", "Program.cs"));

    /// <summary>Every project resource the AppHost runs, by resource name, with its project directory.</summary>
    public static IReadOnlyDictionary<string, string> Projects => LazyProjects.Value;

    private static readonly Lazy<Dictionary<string, string>> LazyProjects = new(ReadProjects);

    public static IReadOnlyList<string> Workloads => [.. Projects.Keys];

    public static int ContainerPort { get; } =
        int.Parse(ContainerPortItem().Match(File.ReadAllText(Path.Combine(Root, "Directory.Build.targets"))).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    public static string MigrateArgument { get; } = MigrateConstant().Match(
        File.ReadAllText(Path.Combine(Root, "src", "EmergencyOps.Messaging", "Persistence", "DatabaseExtensions.cs"))).Groups[1].Value;

    /// <summary>The image repository a project publishes to (its ContainerRepository).</summary>
    public static string RepositoryOf(string workload) =>
        RepositoryProperty().Match(File.ReadAllText(Directory.GetFiles(Projects[workload], "*.csproj").Single())).Groups[1].Value;

    /// <summary>The connection name a service registers its database under, or null for a workload without one.</summary>
    public static string? DatabaseOf(string workload)
    {
        var extensions = Path.Combine(Projects[workload], "Extensions", "Extensions.cs");
        return File.Exists(extensions) && ServiceDatabase().Match(File.ReadAllText(extensions)) is { Success: true } m ? m.Groups[1].Value : null;
    }

    public static IReadOnlyList<string> VariablesOf(string workload)
    {
        List<string> variables = [];
        if (DatabaseOf(workload) is { } database)
        {
            variables.Add($"ConnectionStrings__{database}");
        }
        // Servers passed to AddService: connection strings by resource name.
        if (ServiceCall().Matches(AppHost).FirstOrDefault(m => m.Groups["name"].Value == workload) is { } call)
        {
            variables.AddRange(call.Groups["server"].Captures.Select(c => $"ConnectionStrings__{ResourceOf(c.Value)}"));
        }
        // References (service discovery) and variables set on the resource itself, local-only ones aside.
        var variable = VariableOf(workload);
        foreach (Match statement in Statement().Matches(AppHost).Where(s => Regex.IsMatch(s.Value, $@"(^|\s|\.)({variable})\s*(\.|=)")))
        {
            variables.AddRange(Reference().Matches(statement.Value).Select(r => $"services__{ResourceOf(r.Groups[1].Value)}__http__0"));
            variables.AddRange(Environment().Matches(statement.Value).Select(e => e.Groups[1].Value).Where(v => !LocalOnly.Contains(v)));
        }
        if (workload == ResourceOf(IdentityDeclaration().Match(AppHost).Groups[1].Value))
        {
            variables.AddRange(Environment().Matches(IdentityExtensions).Select(e => e.Groups[1].Value));
        }
        // The loop that gives every service its identity and public base URL.
        if (ServiceLoop().Match(AppHost) is { Success: true } loop && loop.Groups[1].Value.Split(',').Select(v => v.Trim()).Contains(variable))
        {
            variables.Add("services__identity__http__0");
            variables.Add("Identity__Issuer");
            variables.Add($"{workload}__PublicBaseUrl");
        }
        return [.. variables.Distinct()];
    }

    // Set by the AppHost for a run on one machine only (receivers on loopback): production leaves them off.
    private static readonly string[] LocalOnly = ["Webhooks__AllowPrivateNetworks", "Webhooks__AllowHttp"];

    private static string VariableOf(string workload) => Declarations.Single(d => d.Name == workload).Variable;

    private static string ResourceOf(string variable) => Declarations.Single(d => d.Variable == variable).Name;

    private static Dictionary<string, string> ReadProjects() => Declarations.Where(d => d.Project is not null)
        .ToDictionary(d => d.Name, d => Path.Combine(Root, "src", d.Project!.Replace('_', '.')), StringComparer.Ordinal);

    /// <summary>The AppHost's resources: <c>var hazards = builder.AddService&lt;Projects.Hazards_API&gt;("hazards", …)</c> and the like.</summary>
    private static IReadOnlyList<(string Variable, string Name, string? Project)> Declarations => LazyDeclarations.Value;

    private static readonly Lazy<List<(string Variable, string Name, string? Project)>> LazyDeclarations = new(ReadDeclarations);

    private static List<(string Variable, string Name, string? Project)> ReadDeclarations()
    {
        var declarations = Declaration().Matches(AppHost)
            .Select(m => (m.Groups["variable"].Value, m.Groups["name"].Value, m.Groups["project"].Success ? m.Groups["project"].Value : null)).ToList();
        // var identity = builder.AddIdentityService(system): the resource IdentityExtensions adds.
        if (IdentityDeclaration().Match(AppHost) is { Success: true } identity)
        {
            var added = ServiceCall().Match(IdentityExtensions);
            declarations.Add((identity.Groups[1].Value, added.Groups["name"].Value, added.Groups["project"].Value));
        }
        return declarations;
    }

    private static string IdentityExtensions => File.ReadAllText(Path.Combine(Root, "aspire", "EmergencyOps.AppHost", "IdentityExtensions.cs"));

    [GeneratedRegex("""var (?<variable>\w+) = builder\.(?:Add(?:Service|Project)<Projects\.(?<project>\w+)>|AddExistingOr)\("(?<name>[\w-]+)""")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"var (\w+) = builder\.AddIdentityService\(")]
    private static partial Regex IdentityDeclaration();

    [GeneratedRegex("""AddService<Projects\.(?<project>\w+)>\("(?<name>[\w-]+)", system(?:, (?<server>\w+))*\)""")]
    private static partial Regex ServiceCall();

    [GeneratedRegex(@"[^;{}]+;", RegexOptions.Singleline)]
    private static partial Regex Statement();

    [GeneratedRegex(@"\.WithReference\((\w+)\)")]
    private static partial Regex Reference();

    [GeneratedRegex("""\.WithEnvironment\("(\w+)",""")]
    private static partial Regex Environment();

    [GeneratedRegex(@"foreach \(var service in new\[\] \{([^}]+)\}\)")]
    private static partial Regex ServiceLoop();

    [GeneratedRegex("""<ContainerPort Include="(\d+)""")]
    private static partial Regex ContainerPortItem();

    [GeneratedRegex("""MigrateArgument = "([^"]+)";""")]
    private static partial Regex MigrateConstant();

    [GeneratedRegex("<ContainerRepository>([^<]+)</ContainerRepository>")]
    private static partial Regex RepositoryProperty();

    [GeneratedRegex("""AddServiceDatabase<[^>]+>\("(\w+)"\)""")]
    private static partial Regex ServiceDatabase();
}
