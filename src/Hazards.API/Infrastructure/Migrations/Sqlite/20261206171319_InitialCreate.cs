using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hazards.API.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AlphaBands",
                columns: table => new
                {
                    MinPeople = table.Column<int>(type: "INTEGER", nullable: false),
                    Alpha = table.Column<decimal>(type: "TEXT", precision: 9, scale: 3, nullable: false),
                    Edition = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlphaBands", x => x.MinPeople);
                });

            migrationBuilder.CreateTable(
                name: "Chemicals",
                columns: table => new
                {
                    Cas = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    UnNumber = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HazardClasses = table.Column<string>(type: "TEXT", maxLength: 1592, nullable: false),
                    Pictograms = table.Column<string>(type: "TEXT", maxLength: 74, nullable: false),
                    SignalWord = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    HazardStatements = table.Column<string>(type: "TEXT", maxLength: 3152, nullable: false),
                    CriticalQuantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    Categories = table.Column<string>(type: "TEXT", maxLength: 332, nullable: false),
                    ToxicGasBeta = table.Column<decimal>(type: "TEXT", precision: 9, scale: 3, nullable: true),
                    Edition = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Chemicals", x => x.Cas);
                });

            migrationBuilder.CreateTable(
                name: "Enterprises",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 18, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ShortCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 6, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LastSerial = table.Column<int>(type: "INTEGER", nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Enterprises", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HazardCategories",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CriticalQuantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Beta = table.Column<decimal>(type: "TEXT", precision: 9, scale: 3, nullable: false),
                    Edition = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HazardCategories", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Body = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => new { x.Scope, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "InboxMessages",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsumerId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxMessages", x => new { x.MessageId, x.ConsumerId });
                });

            migrationBuilder.CreateTable(
                name: "LabelRevisions",
                columns: table => new
                {
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Pictograms = table.Column<string>(type: "TEXT", maxLength: 74, nullable: false),
                    SignalWord = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    HazardStatements = table.Column<string>(type: "TEXT", maxLength: 3152, nullable: false),
                    PrecautionaryStatements = table.Column<string>(type: "TEXT", maxLength: 3152, nullable: false),
                    Supplier = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    EmergencyPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RevisedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevisedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabelRevisions", x => new { x.ProductId, x.Revision });
                });

            migrationBuilder.CreateTable(
                name: "MajorDangerCriteria",
                columns: table => new
                {
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Standard = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MajorDangerCriteria", x => x.Number);
                });

            migrationBuilder.CreateTable(
                name: "OutboxLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxLeases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageType = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    CorrelationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TraceParent = table.Column<string>(type: "TEXT", maxLength: 55, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "Products",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ParentCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Cas = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    TradeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Concentration = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Packaging = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSequence = table.Column<int>(type: "INTEGER", nullable: false),
                    LastScannedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    HolderEnterpriseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    InTransitTo = table.Column<Guid>(type: "TEXT", nullable: true),
                    Remaining = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Disposed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Products", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RiskLists",
                columns: table => new
                {
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    FiledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Red = table.Column<int>(type: "INTEGER", nullable: false),
                    Orange = table.Column<int>(type: "INTEGER", nullable: false),
                    Yellow = table.Column<int>(type: "INTEGER", nullable: false),
                    Blue = table.Column<int>(type: "INTEGER", nullable: false),
                    Highest = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskLists", x => new { x.EnterpriseId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "RiskPoints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Hazards = table.Column<string>(type: "TEXT", maxLength: 36092, nullable: false),
                    Measures = table.Column<string>(type: "TEXT", maxLength: 36092, nullable: false),
                    ResponsibleLevel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    L = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    E = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    C = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    D = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    Colour = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskPoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RiskWeights",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    MajorHazardLevel1 = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    MajorHazardLevel2 = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    MajorHazardLevel3 = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    MajorHazardLevel4 = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    RiskPointRed = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    RiskPointOrange = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    RiskPointYellow = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    RiskPointBlue = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    OpenGeneralDanger = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    OpenMajorDanger = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    OverdueGeneralDanger = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    OverdueMajorDanger = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    ScanAnomaly = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    ScanAnomalyCap = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    YellowFrom = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    OrangeFrom = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    RedFrom = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskWeights", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScanAnomalies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ActorEnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 6, nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ScannedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DetectedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Operator = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanAnomalies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Scans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ActorEnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    RemainingAfter = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    ScannedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Operator = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Waybill = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConsigneeEnterpriseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ChildCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Scans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SdsRevisions",
                columns: table => new
                {
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Sections = table.Column<string>(type: "TEXT", maxLength: 768050, nullable: false),
                    RevisedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevisedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SdsRevisions", x => new { x.ProductId, x.Revision });
                });

            migrationBuilder.CreateTable(
                name: "UnitEvaluations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EvaluatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PeopleOutside = table.Column<int>(type: "INTEGER", nullable: false),
                    Alpha = table.Column<decimal>(type: "TEXT", precision: 9, scale: 3, nullable: false),
                    S = table.Column<decimal>(type: "TEXT", precision: 24, scale: 6, nullable: false),
                    R = table.Column<decimal>(type: "TEXT", precision: 24, scale: 6, nullable: false),
                    IsMajorHazard = table.Column<bool>(type: "INTEGER", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Edition = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TermsJson = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitEvaluations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Units",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PeopleOutside = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 6, nullable: false),
                    S = table.Column<decimal>(type: "TEXT", precision: 24, scale: 6, nullable: false),
                    R = table.Column<decimal>(type: "TEXT", precision: 24, scale: 6, nullable: false),
                    IsMajorHazard = table.Column<bool>(type: "INTEGER", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    EvaluatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Units", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EnterpriseCodes",
                columns: table => new
                {
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 21, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnterpriseCodes", x => x.EnterpriseId);
                    table.ForeignKey(
                        name: "FK_EnterpriseCodes_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EnterpriseRisks",
                columns: table => new
                {
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LevelSince = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnterpriseRisks", x => x.EnterpriseId);
                    table.ForeignKey(
                        name: "FK_EnterpriseRisks_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HiddenDangers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RequestedGrade = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Criteria = table.Column<string>(type: "TEXT", maxLength: 102, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Measures = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ResponsiblePerson = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Funds = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    Deadline = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RectifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OverdueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ListedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ListedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SupervisingUnit = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SupervisionDeadline = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HiddenDangers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HiddenDangers_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RiskListItems",
                columns: table => new
                {
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    RiskPointId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Hazards = table.Column<string>(type: "TEXT", maxLength: 36092, nullable: false),
                    Measures = table.Column<string>(type: "TEXT", maxLength: 36092, nullable: false),
                    ResponsibleLevel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    L = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    E = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    C = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    D = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    Colour = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskListItems", x => new { x.EnterpriseId, x.Version, x.Position });
                    table.ForeignKey(
                        name: "FK_RiskListItems_RiskLists_EnterpriseId_Version",
                        columns: x => new { x.EnterpriseId, x.Version },
                        principalTable: "RiskLists",
                        principalColumns: new[] { "EnterpriseId", "Version" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UnitSubstances",
                columns: table => new
                {
                    Cas = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MaxTonnes = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitSubstances", x => new { x.UnitId, x.Cas });
                    table.ForeignKey(
                        name: "FK_UnitSubstances_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CitizenReports",
                columns: table => new
                {
                    DangerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceiptHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Photos = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CitizenReports", x => x.DangerId);
                    table.ForeignKey(
                        name: "FK_CitizenReports_HiddenDangers_DangerId",
                        column: x => x.DangerId,
                        principalTable: "HiddenDangers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HiddenDangerPhotos",
                columns: table => new
                {
                    DangerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", maxLength: 1048576, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HiddenDangerPhotos", x => new { x.DangerId, x.Number });
                    table.ForeignKey(
                        name: "FK_HiddenDangerPhotos_HiddenDangers_DangerId",
                        column: x => x.DangerId,
                        principalTable: "HiddenDangers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HiddenDangerSteps",
                columns: table => new
                {
                    DangerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HiddenDangerSteps", x => new { x.DangerId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_HiddenDangerSteps_HiddenDangers_DangerId",
                        column: x => x.DangerId,
                        principalTable: "HiddenDangers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "OutboxLeases",
                columns: new[] { "Name", "ExpiresAt", "Holder" },
                values: new object[] { "dispatch", new DateTime(1970, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), null });

            migrationBuilder.InsertData(
                table: "RiskWeights",
                columns: new[] { "Id", "MajorHazardLevel1", "MajorHazardLevel2", "MajorHazardLevel3", "MajorHazardLevel4", "OpenGeneralDanger", "OpenMajorDanger", "OrangeFrom", "OverdueGeneralDanger", "OverdueMajorDanger", "RedFrom", "RiskPointBlue", "RiskPointOrange", "RiskPointRed", "RiskPointYellow", "ScanAnomaly", "ScanAnomalyCap", "UpdatedAt", "UpdatedBy", "Version", "YellowFrom" },
                values: new object[] { 1, 40m, 30m, 20m, 10m, 3m, 15m, 50m, 5m, 20m, 75m, 0m, 20m, 30m, 10m, 3m, 15m, null, null, 0, 25m });

            migrationBuilder.CreateIndex(
                name: "IX_CitizenReports_ReceiptHash",
                table: "CitizenReports",
                column: "ReceiptHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseCodes_Code",
                table: "EnterpriseCodes",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseRisks_DueAt",
                table: "EnterpriseRisks",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseRisks_Score",
                table: "EnterpriseRisks",
                column: "Score");

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_CreditCode",
                table: "Enterprises",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_DistrictCode_Name",
                table: "Enterprises",
                columns: new[] { "DistrictCode", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_ShortCode",
                table: "Enterprises",
                column: "ShortCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HiddenDangers_EnterpriseId_ReportedAt",
                table: "HiddenDangers",
                columns: new[] { "EnterpriseId", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HiddenDangers_ListedAt",
                table: "HiddenDangers",
                column: "ListedAt");

            migrationBuilder.CreateIndex(
                name: "IX_HiddenDangers_State_OverdueAt_Deadline",
                table: "HiddenDangers",
                columns: new[] { "State", "OverdueAt", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_MessageId",
                table: "OutboxMessages",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SentAt_Sequence",
                table: "OutboxMessages",
                columns: new[] { "SentAt", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Cas",
                table: "Products",
                column: "Cas");

            migrationBuilder.CreateIndex(
                name: "IX_Products_Code",
                table: "Products",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Products_EnterpriseId",
                table: "Products",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_Products_ParentCode",
                table: "Products",
                column: "ParentCode");

            migrationBuilder.CreateIndex(
                name: "IX_RiskLists_Status_FiledAt",
                table: "RiskLists",
                columns: new[] { "Status", "FiledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskPoints_EnterpriseId_Name",
                table: "RiskPoints",
                columns: new[] { "EnterpriseId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScanAnomalies_ActorEnterpriseId_DetectedAt",
                table: "ScanAnomalies",
                columns: new[] { "ActorEnterpriseId", "DetectedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ScanAnomalies_Code_DetectedAt",
                table: "ScanAnomalies",
                columns: new[] { "Code", "DetectedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ScanAnomalies_DistrictCode_DetectedAt",
                table: "ScanAnomalies",
                columns: new[] { "DistrictCode", "DetectedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Scans_Code_Sequence",
                table: "Scans",
                columns: new[] { "Code", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnitEvaluations_UnitId_Id",
                table: "UnitEvaluations",
                columns: new[] { "UnitId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Units_EnterpriseId_Name",
                table: "Units",
                columns: new[] { "EnterpriseId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Units_IsMajorHazard_Level_DistrictCode",
                table: "Units",
                columns: new[] { "IsMajorHazard", "Level", "DistrictCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlphaBands");

            migrationBuilder.DropTable(
                name: "Chemicals");

            migrationBuilder.DropTable(
                name: "CitizenReports");

            migrationBuilder.DropTable(
                name: "EnterpriseCodes");

            migrationBuilder.DropTable(
                name: "EnterpriseRisks");

            migrationBuilder.DropTable(
                name: "HazardCategories");

            migrationBuilder.DropTable(
                name: "HiddenDangerPhotos");

            migrationBuilder.DropTable(
                name: "HiddenDangerSteps");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "InboxMessages");

            migrationBuilder.DropTable(
                name: "LabelRevisions");

            migrationBuilder.DropTable(
                name: "MajorDangerCriteria");

            migrationBuilder.DropTable(
                name: "OutboxLeases");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "Products");

            migrationBuilder.DropTable(
                name: "RiskListItems");

            migrationBuilder.DropTable(
                name: "RiskPoints");

            migrationBuilder.DropTable(
                name: "RiskWeights");

            migrationBuilder.DropTable(
                name: "ScanAnomalies");

            migrationBuilder.DropTable(
                name: "Scans");

            migrationBuilder.DropTable(
                name: "SdsRevisions");

            migrationBuilder.DropTable(
                name: "UnitEvaluations");

            migrationBuilder.DropTable(
                name: "UnitSubstances");

            migrationBuilder.DropTable(
                name: "HiddenDangers");

            migrationBuilder.DropTable(
                name: "RiskLists");

            migrationBuilder.DropTable(
                name: "Units");

            migrationBuilder.DropTable(
                name: "Enterprises");
        }
    }
}
