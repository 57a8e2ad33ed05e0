using EmergencyOps.Contracts.Warnings;

namespace Warnings.API.Model;

/// <summary>A warning type as the bureau defines it: its names, CAP category and the levels it may be issued at.</summary>
public sealed record WarningTypeDefinition(
    string Code, string NameZh, string NameEn, string CapCategory, IReadOnlyList<WarningLevel> Levels, bool RequiresSignOff = false)
{
    public bool Allows(WarningLevel level) => Levels.Contains(level);
}

/// <summary>
/// The catalogue of warning types, kept as data. Meteorological types follow the CMA's signal levels
/// (e.g. heat has no blue, cold wave and fog no red); the bureau's safety types use all four.
/// </summary>
public static class WarningTypeCatalogue
{
    private static readonly WarningLevel[] AllLevels = [WarningLevel.Blue, WarningLevel.Yellow, WarningLevel.Orange, WarningLevel.Red];
    private static readonly WarningLevel[] NoBlue = [WarningLevel.Yellow, WarningLevel.Orange, WarningLevel.Red];
    private static readonly WarningLevel[] NoRed = [WarningLevel.Blue, WarningLevel.Yellow, WarningLevel.Orange];
    private static readonly WarningLevel[] OrangeRed = [WarningLevel.Orange, WarningLevel.Red];

    public static IReadOnlyList<WarningTypeDefinition> All { get; } =
    [
        new(WarningTypes.Typhoon, "台风", "Typhoon", "Met", AllLevels),
        new(WarningTypes.Rainstorm, "暴雨", "Rainstorm", "Met", AllLevels),
        new(WarningTypes.Snowstorm, "暴雪", "Snowstorm", "Met", AllLevels),
        new(WarningTypes.ColdWave, "寒潮", "Cold wave", "Met", NoRed),
        new(WarningTypes.Gale, "大风", "Gale", "Met", AllLevels),
        new(WarningTypes.Sandstorm, "沙尘暴", "Sandstorm", "Met", NoBlue),
        new(WarningTypes.Heat, "高温", "Heat", "Met", NoBlue),
        new(WarningTypes.Drought, "干旱", "Drought", "Met", OrangeRed),
        new(WarningTypes.Lightning, "雷电", "Lightning", "Met", NoBlue),
        new(WarningTypes.Hail, "冰雹", "Hail", "Met", OrangeRed),
        new(WarningTypes.Frost, "霜冻", "Frost", "Met", [WarningLevel.Blue, WarningLevel.Yellow, WarningLevel.Orange]),
        new(WarningTypes.Fog, "大雾", "Fog", "Met", NoBlue),
        new(WarningTypes.Haze, "霾", "Haze", "Met", NoBlue),
        new(WarningTypes.RoadIcing, "道路结冰", "Road icing", "Met", NoBlue),
        new(WarningTypes.GasLeak, "燃气泄漏", "Gas leak", "Safety", AllLevels),
        new(WarningTypes.ChemicalRelease, "危化品泄漏", "Hazardous chemical release", "CBRNE", AllLevels, RequiresSignOff: false),
        new(WarningTypes.Waterlogging, "内涝积水", "Waterlogging", "Infra", AllLevels),
        new(WarningTypes.Fire, "火灾", "Fire", "Fire", AllLevels),
        new(WarningTypes.Subsidence, "地面沉降塌陷", "Ground subsidence", "Geo", AllLevels),
        new(WarningTypes.Crowd, "大客流", "Crowd", "Safety", AllLevels),
        new(WarningTypes.SpecialEquipment, "特种设备", "Special equipment", "Safety", NoBlue),
        new(WarningTypes.Earthquake, "地震", "Earthquake", "Geo", AllLevels),
    ];

    private static readonly Dictionary<string, WarningTypeDefinition> ByCode = All.ToDictionary(t => t.Code, StringComparer.Ordinal);

    public static WarningTypeDefinition? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var t) ? t : null;
}
