using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BusinessLogosAndKindForms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LogoTag",
                table: "directory",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "business_logos",
                columns: table => new
                {
                    BusinessId = table.Column<Guid>(type: "uuid", nullable: false),
                    Tag = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_business_logos", x => x.BusinessId);
                });

            // A buyer or an association has no size and gives a tax code, not a VAT number: its directory row keeps
            // neither (its grain reads a stored VAT number as its tax code and drops the size, BusinessProfile.ForKind).
            migrationBuilder.Sql("""UPDATE directory SET "Size" = NULL, "VatNumber" = NULL WHERE "Kind" <> 'Firm'""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "business_logos");

            migrationBuilder.DropColumn(
                name: "LogoTag",
                table: "directory");
        }
    }
}
