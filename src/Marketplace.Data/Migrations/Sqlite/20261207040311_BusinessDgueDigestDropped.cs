using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Data.Migrations.Sqlite
{
    /// <summary>
    /// Drops the DGUE row's digest, no longer read (the joint bid's page takes the digests from the silo); its being
    /// applied also tells the start-up to back-fill the DGUE rows once (<see cref="ReadModels.QualificationBackfill.RunDgues"/>).
    /// </summary>
    public partial class BusinessDgueDigestDropped : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Sha256",
                table: "business_dgues");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Sha256",
                table: "business_dgues",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");
        }
    }
}
