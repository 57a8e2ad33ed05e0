using EmergencyOps.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Identity.API.Infrastructure.Migrations;

// Each provider's migrations live on a context type of their own (EF keeps one model snapshot per context type); the
// service itself runs on IdentityContext. Generate with: dotnet ef migrations add <Name> --project src/Identity.API
//   --context IdentitySqliteMigrations --output-dir Infrastructure/Migrations/Sqlite (and SqlServer likewise).
public sealed class IdentitySqliteMigrations(DbContextOptions<IdentitySqliteMigrations> options) : IdentityContext(options);

public sealed class IdentitySqlServerMigrations(DbContextOptions<IdentitySqlServerMigrations> options) : IdentityContext(options);

public sealed class IdentitySqliteDesignFactory() : MigrationsDesignFactory<IdentitySqliteMigrations>(DatabaseProvider.Sqlite);

public sealed class IdentitySqlServerDesignFactory() : MigrationsDesignFactory<IdentitySqlServerMigrations>(DatabaseProvider.SqlServer);
