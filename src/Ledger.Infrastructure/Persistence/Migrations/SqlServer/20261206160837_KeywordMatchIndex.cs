using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledger.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class KeywordMatchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Items_KeywordMatches",
                table: "Items",
                columns: new[] { "Id", "Status", "DeadlineKey", "RoundId", "Kind", "Number", "LeadDepartmentId", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Items_KeywordMatches",
                table: "Items");
        }
    }
}
