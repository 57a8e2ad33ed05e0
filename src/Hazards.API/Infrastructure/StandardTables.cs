using System.Text.Json;
using Hazards.API.Model;

namespace Hazards.API.Infrastructure;

/// <summary>
/// The GB 18218-2018 tables and the chemical catalogue a new installation starts with, read from
/// Data/gb18218-2018.json (kept as data, with its edition) so the figures can be checked against the
/// standard without reading code.
/// </summary>
public sealed record StandardTables(string Edition, IReadOnlyList<HazardCategory> Categories, IReadOnlyList<AlphaBand> AlphaBands, IReadOnlyList<Chemical> Chemicals)
{
    public const string Gb18218Edition = "GB 18218-2018";

    private static readonly Lazy<StandardTables> Loaded = new(Load);

    public static StandardTables Gb18218 => Loaded.Value;

    private static StandardTables Load()
    {
        using var stream = typeof(StandardTables).Assembly.GetManifestResourceStream("Hazards.API.Infrastructure.Data.gb18218-2018.json")
            ?? throw new InvalidOperationException("The GB 18218 data file is not embedded.");
        var file = JsonSerializer.Deserialize<TablesFile>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The GB 18218 data file is empty.");
        var edition = file.Edition;
        return new StandardTables(
            edition,
            [.. file.Categories.Select(c => new HazardCategory { Code = c.Code, Description = c.Description, CriticalQuantity = c.Q, Beta = c.Beta, Edition = edition })],
            [.. file.AlphaBands.Select(a => new AlphaBand { MinPeople = a.MinPeople, Alpha = a.Alpha, Edition = edition })],
            [.. file.Chemicals.Select(c => new Chemical
            {
                Cas = c.Cas, UnNumber = c.Un, NameZh = c.Zh, NameEn = c.En, HazardClasses = [.. c.Classes], Pictograms = [.. c.Pictograms],
                SignalWord = c.Signal, HazardStatements = [.. c.H], CriticalQuantity = c.Q, Categories = [.. c.Categories],
                ToxicGasBeta = c.Beta, Edition = edition,
            })]);
    }

    private sealed record TablesFile(string Edition, List<CategoryRow> Categories, List<AlphaRow> AlphaBands, List<ChemicalRow> Chemicals);

    private sealed record CategoryRow(string Code, string Description, decimal Q, decimal Beta);

    private sealed record AlphaRow(int MinPeople, decimal Alpha);

    private sealed record ChemicalRow(string Cas, string Un, string Zh, string En, decimal? Q, List<string> Categories, decimal? Beta,
        List<string> Classes, List<string> Pictograms, string Signal, List<string> H);
}
