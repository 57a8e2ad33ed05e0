using EmergencyOps.Contracts.Warnings;
using EmergencyOps.ServiceDefaults.Input;

namespace Warnings.API.Model;

/// <summary>What a colour level means in CAP and in Chinese.</summary>
public static class Levels
{
    /// <summary>The level names of the contract, least severe first.</summary>
    public const string Blue = "blue", Yellow = "yellow", Orange = "orange", Red = "red";

    public static bool IsMoreSevereThan(this WarningLevel level, WarningLevel other) => (int)level < (int)other;

    public static string Colour(this WarningLevel level) => level.ToString().ToLowerInvariant();

    public static string ColourZh(this WarningLevel level) => level switch
    {
        WarningLevel.Red => "红色",
        WarningLevel.Orange => "橙色",
        WarningLevel.Yellow => "黄色",
        _ => "蓝色",
    };

    /// <summary>一级..四级 per the Emergency Response Law.</summary>
    public static string GradeZh(this WarningLevel level) => level switch
    {
        WarningLevel.Red => "一级",
        WarningLevel.Orange => "二级",
        WarningLevel.Yellow => "三级",
        _ => "四级",
    };

    public static string CapSeverity(this WarningLevel level) => level switch
    {
        WarningLevel.Red => "Extreme",
        WarningLevel.Orange => "Severe",
        WarningLevel.Yellow => "Moderate",
        _ => "Minor",
    };

    /// <summary>The higher the level, the sooner the public must act.</summary>
    public static string CapUrgency(this WarningLevel level) => level switch
    {
        WarningLevel.Red => "Immediate",
        WarningLevel.Orange => "Expected",
        WarningLevel.Yellow => "Expected",
        _ => "Future",
    };

    /// <summary>A level by name only (blue, yellow, orange, red; any case): never a number.</summary>
    public static bool TryParse(string? value, out WarningLevel level) => EnumNames.TryParse(value, out level);
}
