using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NoticeDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "Deadline",
                table: "notices",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_notices_UserId_Kind_AllianceId_BusinessId_Number_Deadline",
                table: "notices",
                columns: new[] { "UserId", "Kind", "AllianceId", "BusinessId", "Number", "Deadline" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_notices_UserId_Kind_AllianceId_BusinessId_Number_Deadline",
                table: "notices");

            migrationBuilder.DropColumn(
                name: "Deadline",
                table: "notices");
        }
    }
}
