using EmergencyOps.Testing;

namespace Inventory.API.Tests;

public sealed class InventoryFactory() : ServiceFactory<Program>("inventorydb");
