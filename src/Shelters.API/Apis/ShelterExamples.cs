using Shelters.API.Model;

namespace Shelters.API.Apis;

/// <summary>Realistic request bodies for the OpenAPI document (and a starting point for integrators).</summary>
public static class ShelterExamples
{
    public static readonly RegisterShelterRequest Register = new(
        "世纪公园应急避难场所", "outdoor", "central", "310115", "上海市浦东新区锦绣路1001号", 31.2167, 121.5463, 1_400_000, 120_000,
        [Facilities.Water, Facilities.Power, Facilities.Toilets, Facilities.MedicalPoint, Facilities.Broadcast, Facilities.Helipad],
        ["earthquake", "fire", "chemical-release"], ["typhoon", "waterlogging"], "张卫东", "021-38760588");

    /// <summary>The whole registration again, with the capacity and contact corrected.</summary>
    public static readonly RegisterShelterRequest Correct = Register with { Capacity = 100_000, Contact = "021-38760599" };

    public static readonly ChangeStatusRequest Status = new("open", "台风橙色预警，区防汛办指令开放");

    public static readonly OccupancyRequest Arrival = new("arrival", 40, "花木街道转移安置人员");

    public static readonly RecordInspectionRequest Inspection = new(new DateOnly(2026, 11, 2), "李检查", "应急照明正常，消防通道畅通，饮用水储备充足。", true);
}
