using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NoticeBoard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "board_interests",
                columns: table => new
                {
                    PostId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_board_interests", x => new { x.PostId, x.FirmId });
                });

            migrationBuilder.CreateTable(
                name: "board_posts",
                columns: table => new
                {
                    PostId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PosterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Cpv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ComuneCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ValueAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    ValueCurrency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AllianceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PostedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Interests = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_board_posts", x => x.PostId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_board_interests_FirmId",
                table: "board_interests",
                column: "FirmId");

            migrationBuilder.CreateIndex(
                name: "IX_board_posts_PosterId_PostedAt",
                table: "board_posts",
                columns: new[] { "PosterId", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_board_posts_SpaceId_PostedAt",
                table: "board_posts",
                columns: new[] { "SpaceId", "PostedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "board_interests");

            migrationBuilder.DropTable(
                name: "board_posts");
        }
    }
}
