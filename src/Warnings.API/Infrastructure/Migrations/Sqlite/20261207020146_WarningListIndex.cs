using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Warnings.API.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WarningListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Warnings_Exercise_State_CreatedAt_Id",
                table: "Warnings",
                columns: new[] { "Exercise", "State", "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Warnings_Exercise_State_CreatedAt_Id",
                table: "Warnings");
        }
    }
}
