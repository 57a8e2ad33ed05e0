namespace EmergencyOps.Geography;

public sealed record District(string Code, string Name, string EnglishName);

/// <summary>Shanghai's sixteen districts with their GB/T 2260 administrative codes.</summary>
public static class Districts
{
    public static IReadOnlyList<District> Shanghai { get; } =
    [
        new("310101", "黄浦区", "Huangpu"),
        new("310104", "徐汇区", "Xuhui"),
        new("310105", "长宁区", "Changning"),
        new("310106", "静安区", "Jing'an"),
        new("310107", "普陀区", "Putuo"),
        new("310109", "虹口区", "Hongkou"),
        new("310110", "杨浦区", "Yangpu"),
        new("310112", "闵行区", "Minhang"),
        new("310113", "宝山区", "Baoshan"),
        new("310114", "嘉定区", "Jiading"),
        new("310115", "浦东新区", "Pudong"),
        new("310116", "金山区", "Jinshan"),
        new("310117", "松江区", "Songjiang"),
        new("310118", "青浦区", "Qingpu"),
        new("310120", "奉贤区", "Fengxian"),
        new("310151", "崇明区", "Chongming"),
    ];

    private static readonly Dictionary<string, District> ByCode = Shanghai.ToDictionary(d => d.Code);

    public static bool IsKnown(string? code) => code is not null && ByCode.ContainsKey(code);

    public static District? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var d) ? d : null;

    /// <summary>The municipality with a margin (Chongming to Jinshan, Qingpu to the outer islands).</summary>
    public static bool IsWithinShanghai(GeoPoint point) =>
        point.Latitude is >= 30.5 and <= 32.0 && point.Longitude is >= 120.8 and <= 122.5;
}
