using Inventory.API.Model;

namespace Inventory.API.Infrastructure;

/// <summary>The catalogue a new installation starts with: what district and street stores typically hold.</summary>
public static class MaterialCatalogue
{
    public static IReadOnlyList<Material> Seed { get; } =
    [
        new() { Code = "FC-SANDBAG", Name = "防汛编织袋(沙袋)", Category = MaterialCategory.FloodControl, Unit = "条", ShelfLifeDays = null, BatchTracked = false },
        new() { Code = "FC-PUMP-50", Name = "移动式排涝泵(50m³/h)", Category = MaterialCategory.FloodControl, Unit = "台", ShelfLifeDays = null, BatchTracked = false },
        new() { Code = "FC-WATERBAG", Name = "吸水膨胀袋", Category = MaterialCategory.FloodControl, Unit = "个", ShelfLifeDays = 1825, BatchTracked = true },
        new() { Code = "RS-LIFEJACKET", Name = "救生衣", Category = MaterialCategory.Rescue, Unit = "件", ShelfLifeDays = 1825, BatchTracked = true },
        new() { Code = "RS-LIFEBUOY", Name = "救生圈", Category = MaterialCategory.Rescue, Unit = "个", ShelfLifeDays = null, BatchTracked = false },
        new() { Code = "RS-BOAT", Name = "冲锋舟", Category = MaterialCategory.Rescue, Unit = "艘", ShelfLifeDays = null, BatchTracked = false },
        new() { Code = "LV-TENT", Name = "救灾帐篷(12m²)", Category = MaterialCategory.LivingSupport, Unit = "顶", ShelfLifeDays = null, BatchTracked = false },
        new() { Code = "LV-BED", Name = "折叠床", Category = MaterialCategory.LivingSupport, Unit = "张", ShelfLifeDays = null, BatchTracked = false },
        new() { Code = "LV-BLANKET", Name = "棉被", Category = MaterialCategory.LivingSupport, Unit = "条", ShelfLifeDays = null, BatchTracked = false },
        new() { Code = "LV-WATER", Name = "瓶装饮用水(24瓶/箱)", Category = MaterialCategory.LivingSupport, Unit = "箱", ShelfLifeDays = 540, BatchTracked = true },
        new() { Code = "LV-FOOD", Name = "方便食品(自热米饭)", Category = MaterialCategory.LivingSupport, Unit = "份", ShelfLifeDays = 365, BatchTracked = true },
        new() { Code = "MD-FIRSTAID", Name = "急救包", Category = MaterialCategory.Medical, Unit = "个", ShelfLifeDays = 1095, BatchTracked = true },
        new() { Code = "FR-EXTINGUISHER", Name = "干粉灭火器(4kg)", Category = MaterialCategory.Fire, Unit = "具", ShelfLifeDays = 3650, BatchTracked = true },
        new() { Code = "CM-SATPHONE", Name = "卫星电话", Category = MaterialCategory.Communication, Unit = "部", ShelfLifeDays = null, BatchTracked = false },
        new() { Code = "PW-GENERATOR", Name = "移动发电机(10kW)", Category = MaterialCategory.Power, Unit = "台", ShelfLifeDays = null, BatchTracked = false },
        new() { Code = "PW-LIGHT", Name = "移动照明灯塔", Category = MaterialCategory.Power, Unit = "台", ShelfLifeDays = null, BatchTracked = false },
    ];
}
