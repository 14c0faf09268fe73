using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledger.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CloseOutMoveIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ItemHistory_Change_At",
                table: "ItemHistory");

            migrationBuilder.CreateIndex(
                name: "IX_ItemHistory_CloseOuts",
                table: "ItemHistory",
                column: "At",
                filter: "\"Change\" = 4 AND \"To\" = 'ClosedOut'");

            migrationBuilder.CreateIndex(
                name: "IX_ItemHistory_Reopenings",
                table: "ItemHistory",
                column: "At",
                filter: "\"Change\" = 4 AND \"From\" = 'ClosedOut'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ItemHistory_CloseOuts",
                table: "ItemHistory");

            migrationBuilder.DropIndex(
                name: "IX_ItemHistory_Reopenings",
                table: "ItemHistory");

            migrationBuilder.CreateIndex(
                name: "IX_ItemHistory_Change_At",
                table: "ItemHistory",
                columns: new[] { "Change", "At" });
        }
    }
}
