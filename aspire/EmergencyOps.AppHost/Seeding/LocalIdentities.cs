using Microsoft.Extensions.Configuration;

namespace EmergencyOps.AppHost.Seeding;

/// <summary>The local run's clients (id → secret) and people (user name → password), from the AppHost's <c>LocalIdentities</c>.</summary>
public sealed record LocalIdentities(IReadOnlyDictionary<string, string> ClientSecrets, IReadOnlyDictionary<string, string> Passwords)
{
    public const string SectionName = "LocalIdentities";

    public static LocalIdentities Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        return new LocalIdentities(
            section.GetSection("Clients").GetChildren().Where(c => c["ClientId"] is not null)
                .ToDictionary(c => c["ClientId"]!, c => c["Secret"] ?? "", StringComparer.Ordinal),
            section.GetSection("People").GetChildren().Where(p => p["UserName"] is not null)
                .ToDictionary(p => p["UserName"]!, p => p["Password"] ?? "", StringComparer.Ordinal));
    }
}
