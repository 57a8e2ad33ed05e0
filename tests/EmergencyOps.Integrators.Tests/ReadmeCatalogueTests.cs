using System.Text.RegularExpressions;
using EmergencyOps.Integrators.Tests.AsyncApi;

namespace EmergencyOps.Integrators.Tests;

/// <summary>The README's event catalogue against the contracts: an event added or renamed without its row fails here.</summary>
public sealed partial class ReadmeCatalogueTests
{
    [Fact]
    public void The_event_catalogue_names_every_integration_event_and_nothing_else()
    {
        var readme = File.ReadAllText(Path.Combine(EmergencyOps.Testing.Repository.Root(), "README.md"));
        var start = readme.IndexOf("\n### Event catalogue\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no \"### Event catalogue\" section");
        var end = readme.IndexOf("\n### ", start + 1, StringComparison.Ordinal);
        // Names in the table's first column only: the consumers column mentions events too.
        var named = Row().Matches(readme[start..end]).SelectMany(r => EventName().Matches(r.Groups[1].Value)).Select(m => m.Groups[1].Value).ToHashSet();

        Assert.Equal(ContractEvents.All.Select(t => t.Name).Order(StringComparer.Ordinal), named.Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^\| ([^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex Row();

    [GeneratedRegex(@"`([A-Z][A-Za-z]+)`")]
    private static partial Regex EventName();
}
