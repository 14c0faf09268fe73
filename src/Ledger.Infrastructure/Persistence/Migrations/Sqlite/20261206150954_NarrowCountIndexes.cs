using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledger.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NarrowCountIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Items_Open_Count_DeadlineKey",
                table: "Items",
                columns: new[] { "DeadlineKey", "Status" },
                filter: "\"Status\" < 3");

            migrationBuilder.CreateIndex(
                name: "IX_Items_Open_Count_Status",
                table: "Items",
                columns: new[] { "Status", "DeadlineKey" },
                filter: "\"Status\" < 3");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Items_Open_Count_DeadlineKey",
                table: "Items");

            migrationBuilder.DropIndex(
                name: "IX_Items_Open_Count_Status",
                table: "Items");
        }
    }
}
