using Microsoft.EntityFrameworkCore;

namespace Hazards.API.Infrastructure;

/// <summary>
/// Adds the standard's tables and catalogue rows that are missing, at start-up (after the schema
/// step). Rows already present are never overwritten: administrators' edits survive restarts.
/// </summary>
internal sealed partial class CatalogueSeeder(IServiceScopeFactory scopes, TimeProvider time, ILogger<CatalogueSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Replicas starting together may both find rows missing and both add them: the one whose insert loses reads again,
        // finds them there, and adds nothing.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SeedAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException ex) when (attempt < 3)
            {
                LogRaced(logger, attempt, ex.InnerException?.Message ?? ex.Message);
            }
        }
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HazardsContext>();
        var tables = StandardTables.Gb18218;
        var categories = await db.Categories.Select(c => c.Code).ToListAsync(cancellationToken);
        var bands = await db.AlphaBands.Select(a => a.MinPeople).ToListAsync(cancellationToken);
        var chemicals = await db.Chemicals.Select(c => c.Cas).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;

        db.Categories.AddRange(tables.Categories.Where(c => !categories.Contains(c.Code)));
        // α bands are one table: seeded only when there is none, so an edited banding is never mixed with the default.
        if (bands.Count == 0)
        {
            db.AlphaBands.AddRange(tables.AlphaBands);
        }
        var added = tables.Chemicals.Where(c => !chemicals.Contains(c.Cas)).ToList();
        added.ForEach(c => c.UpdatedAt = now);
        db.Chemicals.AddRange(added);
        var criteria = await db.MajorDangerCriteria.Select(c => c.Number).ToListAsync(cancellationToken);
        db.MajorDangerCriteria.AddRange(Model.MajorDangerCriteria.Seed().Where(c => !criteria.Contains(c.Number)));
        // Enterprises registered before enterprise codes existed get theirs (derived from the id: the same as they would have got).
        var coded = db.EnterpriseCodes.Select(c => c.EnterpriseId);
        var uncoded = await db.Enterprises.Where(e => !coded.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken);
        db.EnterpriseCodes.AddRange(uncoded.Select(Model.EnterpriseCode.For));
        var rows = await db.SaveChangesAsync(cancellationToken);
        LogSeeded(logger, tables.Edition, rows);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalogue seeding raced another replica (attempt {Attempt}: {Reason}); reading again")]
    private static partial void LogRaced(ILogger logger, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hazard tables {Edition}: {Rows} missing rows added")]
    private static partial void LogSeeded(ILogger logger, string edition, int rows);
}
