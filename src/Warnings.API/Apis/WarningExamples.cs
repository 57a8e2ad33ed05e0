using System.Globalization;
using Warnings.API.Model;

namespace Warnings.API.Apis;

/// <summary>Realistic request bodies for the OpenAPI document (and a starting point for integrators).</summary>
public static class WarningExamples
{
    private static DateTimeOffset At(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);

    public static readonly IssueWarningRequest Issue = new(
        "typhoon", "orange", new AreaRequest(["310115", "310116", "310120"], null, null),
        "上海中心气象台发布台风橙色预警",
        "受今年第14号台风影响，预计未来24小时本市沿海地区将出现10～11级大风，阵风12级，并伴有暴雨到大暴雨。",
        "沿海、江边人员及时撤离至应急避难场所；停止户外集体活动和高空作业；船只回港避风。",
        At("2026-09-05T08:00:00+08:00"), At("2026-09-05T11:00:00+08:00"), At("2026-09-06T08:00:00+08:00"),
        ["浦东新区应急管理局", "金山区应急管理局", "奉贤区应急管理局"], "Actual", "城运中心按市防汛指挥部指令发布");

    public static readonly UpdateWarningRequest Update = new(
        "red", new AreaRequest(["310115", "310116", "310120", "310151"], null, null), "台风预警升级为红色", null, null,
        null, At("2026-09-06T20:00:00+08:00"), null, "台风加强北上，崇明纳入预警区域");

    public static readonly EndWarningRequest Lift = new("台风已减弱并移出本市", "本市风力已减弱至6级以下，降水趋于结束。", "各单位有序恢复生产生活秩序。");

    public static readonly EndWarningRequest Cancel = new("区域选择有误，已另行发布", null, null);

    public static readonly SignOffRequest SignOff = new(true, "核对无误，同意发布");

    public static readonly AcknowledgeRequest Acknowledge = new("浦东新区应急管理局");

    public static readonly DispositionRequest Disposition = new(
        "浦东新区应急管理局", DispositionStatus.InProgress, "已启动防汛防台三级响应，沿海12个村居转移人员1860人，开放避难场所4处。");

    public static readonly ReadingsRequest Readings = new(null, null, null, null, null,
    [
        new("rainfall-1h", "58362", "310104", 41.5m, At("2026-07-21T14:00:00+08:00")),
        new("gas-lel", "GAS-310106-017", "310106", 27m, At("2026-07-21T14:02:00+08:00")),
    ]);

    public static readonly ThresholdRequest Threshold = new("rainstorm", "mm", 20m, 35m, 50m, 80m, 5m, 60, false, ["上海市防汛指挥部办公室"]);
}
