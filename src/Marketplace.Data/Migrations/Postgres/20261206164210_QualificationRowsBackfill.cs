using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Data.Migrations.Postgres
{
    /// <summary>
    /// Changes no table: its being applied tells the start-up that the firms' qualification rows are to be back-filled
    /// once (<see cref="ReadModels.QualificationBackfill"/>), instead of scanning every firm's state at each start.
    /// </summary>
    public partial class QualificationRowsBackfill : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
