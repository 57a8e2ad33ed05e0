using EmergencyOps.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Shelters.API.Infrastructure.Migrations;

// Each provider's migrations live on a context type of their own (EF keeps one model snapshot per context type); the
// service itself runs on SheltersContext. Generate with: dotnet ef migrations add <Name> --project src/Shelters.API
//   --context SheltersSqliteMigrations --output-dir Infrastructure/Migrations/Sqlite (and SqlServer likewise).
public sealed class SheltersSqliteMigrations(DbContextOptions<SheltersSqliteMigrations> options) : SheltersContext(options);

public sealed class SheltersSqlServerMigrations(DbContextOptions<SheltersSqlServerMigrations> options) : SheltersContext(options);

public sealed class SheltersSqliteDesignFactory() : MigrationsDesignFactory<SheltersSqliteMigrations>(DatabaseProvider.Sqlite);

public sealed class SheltersSqlServerDesignFactory() : MigrationsDesignFactory<SheltersSqlServerMigrations>(DatabaseProvider.SqlServer);
