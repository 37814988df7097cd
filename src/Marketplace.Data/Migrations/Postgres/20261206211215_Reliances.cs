using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Reliances : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reliances",
                columns: table => new
                {
                    AllianceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    TenderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Lot = table.Column<int>(type: "integer", nullable: false),
                    AuxiliaryId = table.Column<Guid>(type: "uuid", nullable: false),
                    RelyingFirmId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Digest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reliances", x => new { x.AllianceId, x.Position });
                });

            migrationBuilder.CreateIndex(
                name: "IX_reliances_AuxiliaryId_Status",
                table: "reliances",
                columns: new[] { "AuxiliaryId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reliances");
        }
    }
}
