using Hazards.API.Model;

namespace Hazards.API.Apis;

/// <summary>Realistic request bodies for the OpenAPI document (and a starting point for integrators).</summary>
public static class HazardExamples
{
    public static readonly RegisterEnterpriseRequest Enterprise = new(
        "91310116MA1J8K3X7T", "上海金山石化物流有限公司", "JSWL", "310116", "上海市金山区金山卫镇卫二路88号", 30.7265, 121.3342, "张伟", "021-57940000");

    public static readonly PutChemicalRequest Chemical = new(
        "UN1005", "氨", "Ammonia, anhydrous",
        ["flammable-gases:2", "gases-under-pressure:liquefied", "acute-toxicity:3", "skin-corrosion-irritation:1B", "aquatic:1"],
        ["GHS04", "GHS05", "GHS06", "GHS09"], Ghs.Danger, ["H221", "H280", "H331", "H314", "H400"], 10m, ["W2", "J3"], 2m);

    public static readonly PutCategoryRequest Category = new("易燃气体 类别1和类别2", 10m, 1.5m);

    // The defaults of the risk model, with an orange enterprise made to weigh open major dangers a little more.
    public static readonly RiskWeightsRequest RiskWeights = new(40m, 30m, 20m, 10m, 30m, 20m, 10m, 0m, 3m, 18m, 5m, 20m, 3m, 15m, 25m, 50m, 75m);

    public static readonly PutAlphaBandsRequest AlphaBands = new(
        [new(100, 2.0m), new(50, 1.5m), new(30, 1.2m), new(1, 1.0m), new(0, 0.5m)]);

    public static readonly SdsRequest Sds = new([.. SdsSections.Titles.Select((title, i) => new SdsSectionRequest(i + 1, $"{title}: 见企业提供的内容(第{i + 1}部分)"))]);

    public static readonly LabelRequest Label = new(
        "液氨", "Liquid ammonia", ["GHS04", "GHS05", "GHS06", "GHS09"], Ghs.Danger, ["H221", "H280", "H331", "H314", "H400"],
        ["P210", "P260", "P280", "P303+P361+P353", "P304+P340", "P403+P233"], "上海金山石化物流有限公司, 上海市金山区卫二路88号, 021-57940000", "021-57941119");

    public static readonly RegisterProductRequest Product = new("7664-41-7", "液氨(工业级)", "≥99.6%", "钢瓶 400 kg", Sds, Label);

    public static readonly ScanRequest Scan = new(
        "shipping", Guid.Parse("4f6c1f3e-2d7a-4a4e-9b1e-5d2f6c7a8b90"), 30.7265, 121.3342, "上海市金山区卫二路88号", 400m, "kg",
        DateTimeOffset.Parse("2026-11-20T08:30:00+08:00", System.Globalization.CultureInfo.InvariantCulture), "李强", "YD2026112000017",
        Guid.Parse("0b7d8e2a-6c41-4f1b-8e3d-2a9c5f7e1d44"));

    // 液氯储罐区: L 3 (可能, 但不经常), E 6 (每天工作时间内暴露), C 15 (重伤): D = 270 → 橙, 较大风险.
    public static readonly RiskPointRequest RiskPoint = new(
        "液氯储罐区", "unit", ["液氯泄漏致人中毒", "储罐超压爆裂"], ["有毒气体检测报警并联锁紧急切断", "储罐液位、压力远传监控", "每班巡检并记录"],
        "workshop", 3m, 6m, 15m);

    public static readonly ReviewRiskListRequest Review = new("return", "液氯储罐区的管控措施缺少应急处置(碱液喷淋吸收)，请补充后重新备案。");

    // 液氯充装未使用万向管道充装系统: criterion 7 of 安监总管三〔2017〕121号, so 重大 whatever grade is asked.
    public static readonly ReportHiddenDangerRequest HiddenDanger = new(
        "液氯充装未使用万向管道充装系统", "2号装车台液氯槽车充装仍使用金属软管，未设置万向管道充装系统及紧急切断。", "2号装车台", "major", [7]);

    public static readonly VerifyHiddenDangerRequest Verification = new("reject", "现场核查：该装车台已于2026年10月停用并拆除，举报情况不属实。");

    public static readonly RectificationPlanRequest Plan = new(
        "停用金属软管充装；安装万向管道充装系统并与紧急切断阀联锁；完成前停止液氯装车作业。", "王建国(副总经理)", 380000m,
        DateTimeOffset.Parse("2027-03-31T17:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture));

    public static readonly RectificationRequest Rectification = new("万向管道充装系统已安装并经第三方检测合格(报告编号 JC-2027-0312)，紧急切断联锁测试记录已存档。");

    public static readonly ReviewHiddenDangerRequest HiddenDangerReview = new(false, "紧急切断阀未接入SIS，联锁测试记录缺少签字，请补充后重新申请复查。");

    public static readonly ListHiddenDangerRequest Listing = new("金山区应急管理局",
        DateTimeOffset.Parse("2027-04-30T17:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A 1 × 1 PNG: photos travel as base64 (a data URL is accepted too).</summary>
    public const string TinyPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    // A citizen who scanned the plate at the gate (一码发现): no account, contact optional.
    public static readonly CitizenReportRequest CitizenReport = new(
        "厂区东侧围墙外夜间闻到刺鼻气味，围墙边的管道有白色雾气冒出。", "卫二路东侧围墙外", "陈女士", "13812345678", null, [TinyPng]);

    public static readonly UnitRequest Unit = new("tankFarm", "液氯储罐区", 45, [new("7782-50-5", 10m), new("7664-41-7", 5m)]);
}
