using EmergencyOps.Testing;

namespace Inventory.API.Tests;

public class InventoryFactory() : ServiceFactory<Program>("inventorydb");
