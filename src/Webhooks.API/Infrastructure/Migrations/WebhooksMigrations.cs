using EmergencyOps.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Webhooks.API.Infrastructure.Migrations;

// Each provider's migrations live on a context type of their own (EF keeps one model snapshot per context type); the
// service itself runs on WebhooksContext. Generate with: dotnet ef migrations add <Name> --project src/Webhooks.API
//   --context WebhooksSqliteMigrations --output-dir Infrastructure/Migrations/Sqlite (and SqlServer likewise).
public sealed class WebhooksSqliteMigrations(DbContextOptions<WebhooksSqliteMigrations> options) : WebhooksContext(options);

public sealed class WebhooksSqlServerMigrations(DbContextOptions<WebhooksSqlServerMigrations> options) : WebhooksContext(options);

public sealed class WebhooksSqliteDesignFactory() : MigrationsDesignFactory<WebhooksSqliteMigrations>(DatabaseProvider.Sqlite);

public sealed class WebhooksSqlServerDesignFactory() : MigrationsDesignFactory<WebhooksSqlServerMigrations>(DatabaseProvider.SqlServer);
