using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReteRtis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FormedFrom",
                table: "alliances",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_alliances_FormedFrom",
                table: "alliances",
                column: "FormedFrom");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_alliances_FormedFrom",
                table: "alliances");

            migrationBuilder.DropColumn(
                name: "FormedFrom",
                table: "alliances");
        }
    }
}
