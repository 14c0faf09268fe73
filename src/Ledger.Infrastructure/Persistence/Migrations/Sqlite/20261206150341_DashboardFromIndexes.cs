using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledger.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardFromIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Items_CreatedAt",
                table: "Items",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Items_Open_OriginalDueDate",
                table: "Items",
                columns: new[] { "OriginalDueDate", "DeadlineKey", "Status" },
                filter: "\"Status\" < 3");

            migrationBuilder.CreateIndex(
                name: "IX_Items_RoundFigures",
                table: "Items",
                columns: new[] { "RoundId", "Status", "DeadlineKey", "ClosedLate", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ItemHistory_Change_At",
                table: "ItemHistory",
                columns: new[] { "Change", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Items_CreatedAt",
                table: "Items");

            migrationBuilder.DropIndex(
                name: "IX_Items_Open_OriginalDueDate",
                table: "Items");

            migrationBuilder.DropIndex(
                name: "IX_Items_RoundFigures",
                table: "Items");

            migrationBuilder.DropIndex(
                name: "IX_ItemHistory_Change_At",
                table: "ItemHistory");
        }
    }
}
