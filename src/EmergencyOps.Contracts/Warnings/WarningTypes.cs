namespace EmergencyOps.Contracts.Warnings;

/// <summary>
/// Codes of the warning types: the 14 meteorological types and the bureau's city-operation and
/// safety types. The warnings service keeps the full catalogue (CAP category, allowed levels).
/// </summary>
public static class WarningTypes
{
    /// <summary>台风</summary>
    public const string Typhoon = "typhoon";

    /// <summary>暴雨</summary>
    public const string Rainstorm = "rainstorm";

    /// <summary>暴雪</summary>
    public const string Snowstorm = "snowstorm";

    /// <summary>寒潮</summary>
    public const string ColdWave = "cold-wave";

    /// <summary>大风</summary>
    public const string Gale = "gale";

    /// <summary>沙尘暴</summary>
    public const string Sandstorm = "sandstorm";

    /// <summary>高温</summary>
    public const string Heat = "heat";

    /// <summary>干旱</summary>
    public const string Drought = "drought";

    /// <summary>雷电</summary>
    public const string Lightning = "lightning";

    /// <summary>冰雹</summary>
    public const string Hail = "hail";

    /// <summary>霜冻</summary>
    public const string Frost = "frost";

    /// <summary>大雾</summary>
    public const string Fog = "fog";

    /// <summary>霾</summary>
    public const string Haze = "haze";

    /// <summary>道路结冰</summary>
    public const string RoadIcing = "road-icing";

    /// <summary>燃气泄漏</summary>
    public const string GasLeak = "gas-leak";

    /// <summary>危化品泄漏</summary>
    public const string ChemicalRelease = "chemical-release";

    /// <summary>内涝/积水</summary>
    public const string Waterlogging = "waterlogging";

    /// <summary>火灾</summary>
    public const string Fire = "fire";

    /// <summary>地面沉降/塌陷</summary>
    public const string Subsidence = "subsidence";

    /// <summary>大客流</summary>
    public const string Crowd = "crowd";

    /// <summary>特种设备</summary>
    public const string SpecialEquipment = "special-equipment";

    /// <summary>地震</summary>
    public const string Earthquake = "earthquake";

    /// <summary>Every code above.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Typhoon, Rainstorm, Snowstorm, ColdWave, Gale, Sandstorm, Heat, Drought, Lightning, Hail, Frost, Fog, Haze, RoadIcing,
        GasLeak, ChemicalRelease, Waterlogging, Fire, Subsidence, Crowd, SpecialEquipment, Earthquake,
    ];
}
