using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TenderLots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "tender_lot_cpv",
                columns: table => new
                {
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Lot = table.Column<int>(type: "INTEGER", nullable: false),
                    CpvDigits = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tender_lot_cpv", x => new { x.TenderId, x.Lot, x.CpvDigits });
                });

            migrationBuilder.CreateTable(
                name: "tender_lots",
                columns: table => new
                {
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Lot = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", nullable: false),
                    EstimatedValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    ComuneCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    ProvinceSigla = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    RegionName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tender_lots", x => new { x.TenderId, x.Lot });
                });

            migrationBuilder.CreateIndex(
                name: "IX_tender_lot_cpv_CpvDigits",
                table: "tender_lot_cpv",
                column: "CpvDigits");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tender_lot_cpv");

            migrationBuilder.DropTable(
                name: "tender_lots");
        }
    }
}
