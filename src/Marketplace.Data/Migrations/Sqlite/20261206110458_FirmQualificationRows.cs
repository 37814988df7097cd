using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FirmQualificationRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "business_attestations",
                columns: table => new
                {
                    BusinessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Class = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Expires = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_business_attestations", x => new { x.BusinessId, x.Category });
                });

            migrationBuilder.CreateTable(
                name: "business_figures",
                columns: table => new
                {
                    BusinessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LastYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Turnover = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    SimilarWork = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_business_figures", x => x.BusinessId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_business_attestations_Category_Expires",
                table: "business_attestations",
                columns: new[] { "Category", "Expires" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "business_attestations");

            migrationBuilder.DropTable(
                name: "business_figures");
        }
    }
}
