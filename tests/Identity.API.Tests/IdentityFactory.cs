using EmergencyOps.Identity.Client;
using EmergencyOps.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Identity.API.Tests;

/// <summary>
/// The identity service in-process on a fresh database and a fresh key folder (or a given one, to restart on it), with
/// a few clients and people seeded from configuration as a deployment would, and a token source that walks the real
/// token endpoint and sign-in page.
/// </summary>
public class IdentityFactory : WebApplicationFactory<Program>
{
    public static readonly Dictionary<string, string> ClientSecrets = new()
    {
        ["warehouse-a"] = "warehouse-a-secret-for-tests",
        ["station-1"] = "station-1-secret-for-tests",
        ["responder-gas"] = "responder-gas-secret-for-tests",
    };

    public static readonly Dictionary<string, string> Passwords = new()
    {
        ["duty1"] = "duty1-password-for-tests",
        ["admin"] = "admin-password-for-tests",
        ["district-hp"] = "district-hp-password-for-tests",
    };

    private readonly IReadOnlyDictionary<string, string> _settings;

    public IdentityFactory() : this(TestInfrastructure.FreshSqliteConnectionString("identity"))
    {
    }

    /// <param name="databaseConnectionString">The database to start on (an earlier factory's, to restart on it).</param>
    /// <param name="settings">Configuration set after the seeds, to change a seed or add one.</param>
    internal IdentityFactory(string databaseConnectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        DatabaseConnectionString = databaseConnectionString;
        _settings = settings ?? new Dictionary<string, string>();
        KeysDirectory = Path.Combine(Path.GetDirectoryName(databaseConnectionString["Data Source=".Length..])!, "keys");
    }

    public string DatabaseConnectionString { get; }

    public string KeysDirectory { get; }

    public static Uri Issuer { get; } = new("http://localhost/");

    /// <summary>Tokens from this server's own token endpoint, through its test handler.</summary>
    public TokenSource Tokens() => new(Issuer, ClientSecrets, Passwords, () => Server.CreateHandler());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:identitydb", DatabaseConnectionString);
        builder.UseSetting("Identity:Issuer", Issuer.AbsoluteUri);
        builder.UseSetting("Identity:KeysDirectory", KeysDirectory);
        builder.UseSetting("Identity:ConsoleRedirectUris:0", new Uri(Issuer, "/console/callback").AbsoluteUri);
        Seed(builder, "Clients", 0, ("ClientId", "warehouse-a"), ("Secret", ClientSecrets["warehouse-a"]), ("DisplayName", "浦东新区北片区域库(高桥)"), ("Role", "warehouse"), ("Binding", "PD-R-N"));
        Seed(builder, "Clients", 1, ("ClientId", "station-1"), ("Secret", ClientSecrets["station-1"]), ("DisplayName", "浦东气象监测站"), ("Role", "station"));
        Seed(builder, "Clients", 2, ("ClientId", "responder-gas"), ("Secret", ClientSecrets["responder-gas"]), ("DisplayName", "上海燃气有限公司"), ("Role", "responder"), ("Unit", "上海燃气有限公司"));
        Seed(builder, "People", 0, ("UserName", "duty1"), ("Password", Passwords["duty1"]), ("DisplayName", "张伟"), ("Role", "duty-officer"));
        Seed(builder, "People", 1, ("UserName", "admin"), ("Password", Passwords["admin"]), ("DisplayName", "系统管理员"), ("Role", "admin"));
        Seed(builder, "People", 2, ("UserName", "district-hp"), ("Password", Passwords["district-hp"]), ("DisplayName", "刘洋"), ("Role", "district-operator"),
            ("Binding", "310101"), ("Unit", "黄浦区应急管理局"));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    private static void Seed(IWebHostBuilder builder, string section, int index, params (string Key, string Value)[] values)
    {
        foreach (var (key, value) in values)
        {
            builder.UseSetting($"Identity:{section}:{index}:{key}", value);
        }
    }
}
