using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Data.Migrations.Postgres
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
                    PostId = table.Column<Guid>(type: "uuid", nullable: false),
                    FirmId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_board_interests", x => new { x.PostId, x.FirmId });
                });

            migrationBuilder.CreateTable(
                name: "board_posts",
                columns: table => new
                {
                    PostId = table.Column<Guid>(type: "uuid", nullable: false),
                    SpaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    PosterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Cpv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ComuneCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ValueAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    ValueCurrency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TenderId = table.Column<Guid>(type: "uuid", nullable: true),
                    AllianceId = table.Column<Guid>(type: "uuid", nullable: true),
                    PostedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Interests = table.Column<int>(type: "integer", nullable: false)
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
