using Inventory.API.Model;

namespace Inventory.API.Apis;

/// <summary>Realistic request bodies for the OpenAPI document (and a starting point for integrators).</summary>
public static class InventoryExamples
{
    private static readonly Guid Center = Guid.Parse("3d0f6a52-7c1e-4b8a-9f2d-5e6a7b8c9d01");
    private static readonly Guid Huamu = Guid.Parse("8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

    public static readonly RegisterWarehouseRequest Warehouse = new(
        "PD-R-N", "浦东新区北片区域库(高桥)", "district", "310115", "上海市浦东新区高桥镇港城路1号", 31.342, 121.57, "王建国", 3000);

    public static readonly CorrectWarehouseRequest Correction = new(
        "浦东新区北片区域库(高桥)", "district", "310115", "上海市浦东新区高桥镇港城路11号", 31.3424, 121.5703, "李红梅", 3200);

    public static readonly MaterialRequest Material = new("救援绳(50m)", "rescue", "根", null, false);

    public static readonly StockChangeRequest StockChange = new(
        "receipt", "LV-WATER", 800, "W-2026-03", new DateOnly(2027, 9, 1), null, null, "年度储备采购", "RK-2026-0026", null);

    public static readonly SetNormRequest Norm = new(10000, 1000);

    public static readonly CreateTransferRequest Transfer = new(Center, Huamu, "FC-SANDBAG", 1500, "汛前补充");

    public static readonly ReceiveTransferRequest TransferReceipt = new(1497, "3 条运输途中破损");

    public static readonly ReserveRequest Reservation = new(Guid.Parse("5b9e2f1a-0c3d-4e7f-8a6b-1d2c3e4f5a6b"), Center, "LV-TENT", 200);
}
