using EmergencyOps.Messaging;
using EmergencyOps.Messaging.Idempotency;
using EmergencyOps.Messaging.Persistence;
using Hazards.API.Model;
using Microsoft.EntityFrameworkCore;

namespace Hazards.API.Infrastructure;

public class HazardsContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();

    public DbSet<Chemical> Chemicals => Set<Chemical>();

    public DbSet<HazardCategory> Categories => Set<HazardCategory>();

    public DbSet<AlphaBand> AlphaBands => Set<AlphaBand>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<SdsRevision> SdsRevisions => Set<SdsRevision>();

    public DbSet<LabelRevision> LabelRevisions => Set<LabelRevision>();

    public DbSet<ScanEvent> Scans => Set<ScanEvent>();

    public DbSet<ScanAnomaly> Anomalies => Set<ScanAnomaly>();

    public DbSet<HazardUnit> Units => Set<HazardUnit>();

    public DbSet<UnitEvaluation> Evaluations => Set<UnitEvaluation>();

    public DbSet<RiskPoint> RiskPoints => Set<RiskPoint>();

    public DbSet<RiskList> RiskLists => Set<RiskList>();

    public DbSet<RiskListItem> RiskListItems => Set<RiskListItem>();

    public DbSet<HiddenDanger> HiddenDangers => Set<HiddenDanger>();

    public DbSet<HiddenDangerStep> HiddenDangerSteps => Set<HiddenDangerStep>();

    public DbSet<MajorDangerCriterion> MajorDangerCriteria => Set<MajorDangerCriterion>();

    public DbSet<EnterpriseCode> EnterpriseCodes => Set<EnterpriseCode>();

    public DbSet<CitizenReport> CitizenReports => Set<CitizenReport>();

    public DbSet<HiddenDangerPhoto> HiddenDangerPhotos => Set<HiddenDangerPhoto>();

    public DbSet<RiskWeights> RiskWeights => Set<RiskWeights>();

    public DbSet<EnterpriseRisk> EnterpriseRisks => Set<EnterpriseRisk>();

    // SQLite hands DateTime values back without a kind; they are UTC, and answers convert them to China Standard Time.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.UseUtcDateTimes();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddIdempotencyRecords();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HazardsContext).Assembly);
    }
}
