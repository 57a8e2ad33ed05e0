using EmergencyOps.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Warnings.API.Infrastructure.Migrations;

// Each provider's migrations live on a context type of their own (EF keeps one model snapshot per context type); the
// service itself runs on WarningsContext. Generate with: dotnet ef migrations add <Name> --project src/Warnings.API
//   --context WarningsSqliteMigrations --output-dir Infrastructure/Migrations/Sqlite (and SqlServer likewise).
public sealed class WarningsSqliteMigrations(DbContextOptions<WarningsSqliteMigrations> options) : WarningsContext(options);

public sealed class WarningsSqlServerMigrations(DbContextOptions<WarningsSqlServerMigrations> options) : WarningsContext(options);

public sealed class WarningsSqliteDesignFactory() : MigrationsDesignFactory<WarningsSqliteMigrations>(DatabaseProvider.Sqlite);

public sealed class WarningsSqlServerDesignFactory() : MigrationsDesignFactory<WarningsSqlServerMigrations>(DatabaseProvider.SqlServer);
