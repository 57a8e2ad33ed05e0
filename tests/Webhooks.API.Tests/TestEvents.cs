using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Contracts.Warnings;

namespace Webhooks.API.Tests;

/// <summary>Integration events as the services publish them.</summary>
public static class TestEvents
{
    public const string Pudong = "310115";
    public const string Jinshan = "310116";

    public static MajorHazardSourceClassified Classified(string district = Jinshan, MajorHazardLevel level = MajorHazardLevel.Level2) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, "hazards", Guid.NewGuid(), Guid.NewGuid(), "液氯储罐区", Guid.NewGuid(), "上海金山石化物流有限公司",
        district, 30.7265, 121.3342, 12.5m, 63.75m, level, ["7782-50-5", "7664-41-7"]);

    public static WarningIssued Warning(string district = Pudong, WarningLevel level = WarningLevel.Orange, bool exercise = false) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, "warnings", Guid.NewGuid(), Guid.NewGuid(), 1, "rainstorm", level, exercise,
        new WarningArea([district]), "浦东新区暴雨橙色预警", DateTimeOffset.UtcNow.AddHours(6));
}
