using EmergencyOps.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hazards.API.Infrastructure.Migrations;

// Each provider's migrations live on a context type of their own (EF keeps one model snapshot per context type); the
// service itself runs on HazardsContext. Generate with: dotnet ef migrations add <Name> --project src/Hazards.API
//   --context HazardsSqliteMigrations --output-dir Infrastructure/Migrations/Sqlite (and SqlServer likewise).
public sealed class HazardsSqliteMigrations(DbContextOptions<HazardsSqliteMigrations> options) : HazardsContext(options);

public sealed class HazardsSqlServerMigrations(DbContextOptions<HazardsSqlServerMigrations> options) : HazardsContext(options);

public sealed class HazardsSqliteDesignFactory() : MigrationsDesignFactory<HazardsSqliteMigrations>(DatabaseProvider.Sqlite);

public sealed class HazardsSqlServerDesignFactory() : MigrationsDesignFactory<HazardsSqlServerMigrations>(DatabaseProvider.SqlServer);
