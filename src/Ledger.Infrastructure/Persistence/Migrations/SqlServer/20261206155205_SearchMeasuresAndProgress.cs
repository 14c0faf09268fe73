using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledger.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SearchMeasuresAndProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Items");

            migrationBuilder.AddColumn<string>(
                name: "SearchDocument",
                table: "Items",
                type: "nvarchar(max)",
                maxLength: 1000000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchDocument",
                table: "Items");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Items",
                type: "nvarchar(max)",
                maxLength: 20501,
                nullable: true);
        }
    }
}
