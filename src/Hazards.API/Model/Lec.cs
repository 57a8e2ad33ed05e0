using System.Globalization;
using EmergencyOps.Contracts.Hazards;

namespace Hazards.API.Model;

/// <summary>
/// The LEC method of risk grading (作业条件危险性评价法): D = L × E × C, with the standard value tables. Computed in
/// decimal, so the products are exact (0.1 × 10 × 7 is 7, never 7.000000000000001) and the colour boundaries hold:
/// D = 70 is blue, 160 yellow, 320 orange.
/// </summary>
public static class Lec
{
    /// <summary>L, the likelihood of an accident (事故发生的可能性): 10 expected … 0.1 practically impossible.</summary>
    public static readonly IReadOnlyList<decimal> L = [0.1m, 0.2m, 0.5m, 1m, 3m, 6m, 10m];

    /// <summary>E, how often people are exposed (暴露于危险环境的频繁程度): 10 continuously … 0.5 very rarely.</summary>
    public static readonly IReadOnlyList<decimal> E = [0.5m, 1m, 2m, 3m, 6m, 10m];

    /// <summary>C, the consequence (发生事故产生的后果): 100 many deaths … 1 noticeable.</summary>
    public static readonly IReadOnlyList<decimal> C = [1m, 3m, 7m, 15m, 40m, 100m];

    public const decimal RedAbove = 320m;
    public const decimal OrangeAbove = 160m;
    public const decimal YellowAbove = 70m;

    /// <summary>The table's own value equal to <paramref name="value"/> (so 0.10 reads as 0.1), or null when it is off the table.</summary>
    public static decimal? OnTable(IReadOnlyList<decimal> table, decimal? value) =>
        value is { } v && table.Contains(v) ? table.First(t => t == v) : null;

    public static string Describe(IReadOnlyList<decimal> table) => string.Join(", ", table.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    /// <summary>D of table values, with no trailing zeros (0.5 × 10 × 15 is 75, not 75.0).</summary>
    public static decimal D(decimal l, decimal e, decimal c) => Normalize(l * e * c);

    public static RiskColour Colour(decimal d) =>
        d > RedAbove ? RiskColour.Red : d > OrangeAbove ? RiskColour.Orange : d > YellowAbove ? RiskColour.Yellow : RiskColour.Blue;

    /// <summary>The colour in Chinese: 红, 橙, 黄, 蓝.</summary>
    public static string ColourName(RiskColour colour) => colour switch
    {
        RiskColour.Red => "红",
        RiskColour.Orange => "橙",
        RiskColour.Yellow => "黄",
        _ => "蓝",
    };

    /// <summary>The risk level the colour stands for: 重大风险, 较大风险, 一般风险, 低风险.</summary>
    public static string LevelName(RiskColour colour) => colour switch
    {
        RiskColour.Red => "重大风险",
        RiskColour.Orange => "较大风险",
        RiskColour.Yellow => "一般风险",
        _ => "低风险",
    };

    /// <summary>Without trailing zeros: SQLite hands decimals back as text such as "70.0".</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;
}
