using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shelters.API.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ShelterLocationIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Shelters_Status_Latitude",
                table: "Shelters",
                columns: new[] { "Status", "Latitude" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Shelters_Status_Latitude",
                table: "Shelters");
        }
    }
}
