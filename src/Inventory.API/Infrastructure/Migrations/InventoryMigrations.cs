using EmergencyOps.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inventory.API.Infrastructure.Migrations;

// Each provider's migrations live on a context type of their own (EF keeps one model snapshot per context type); the
// service itself runs on InventoryContext. Generate with: dotnet ef migrations add <Name> --project src/Inventory.API
//   --context InventorySqliteMigrations --output-dir Infrastructure/Migrations/Sqlite (and SqlServer likewise).
public sealed class InventorySqliteMigrations(DbContextOptions<InventorySqliteMigrations> options) : InventoryContext(options);

public sealed class InventorySqlServerMigrations(DbContextOptions<InventorySqlServerMigrations> options) : InventoryContext(options);

public sealed class InventorySqliteDesignFactory() : MigrationsDesignFactory<InventorySqliteMigrations>(DatabaseProvider.Sqlite);

public sealed class InventorySqlServerDesignFactory() : MigrationsDesignFactory<InventorySqlServerMigrations>(DatabaseProvider.SqlServer);
