using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledger.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WarningLevelsAndOpenItemIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DueSoonWorkingDays",
                table: "ReminderSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DeadlineKey",
                table: "Items",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.CreateIndex(
                name: "IX_Items_Open_DeadlineKey",
                table: "Items",
                columns: new[] { "DeadlineKey", "Id", "Status" },
                filter: "\"Status\" < 3");

            migrationBuilder.CreateIndex(
                name: "IX_Items_Open_LeadDepartmentId_DeadlineKey",
                table: "Items",
                columns: new[] { "LeadDepartmentId", "DeadlineKey", "Id", "Status" },
                filter: "\"Status\" < 3");

            migrationBuilder.CreateIndex(
                name: "IX_Items_Open_LeadDepartmentId_RoundId",
                table: "Items",
                columns: new[] { "LeadDepartmentId", "RoundId", "Kind", "Number", "Id", "Status", "DeadlineKey" },
                filter: "\"Status\" < 3");

            migrationBuilder.CreateIndex(
                name: "IX_Items_Open_LeadDepartmentId_Status",
                table: "Items",
                columns: new[] { "LeadDepartmentId", "Status", "Id", "DeadlineKey" },
                filter: "\"Status\" < 3");

            migrationBuilder.CreateIndex(
                name: "IX_Items_Open_LeadDepartmentId_UpdatedAt",
                table: "Items",
                columns: new[] { "LeadDepartmentId", "UpdatedAt", "Id", "Status", "DeadlineKey" },
                filter: "\"Status\" < 3");

            migrationBuilder.CreateIndex(
                name: "IX_Items_Open_RoundId",
                table: "Items",
                columns: new[] { "RoundId", "Kind", "Number", "Id", "Status", "DeadlineKey" },
                filter: "\"Status\" < 3");

            migrationBuilder.CreateIndex(
                name: "IX_Items_Open_Status",
                table: "Items",
                columns: new[] { "Status", "Id", "DeadlineKey" },
                filter: "\"Status\" < 3");

            migrationBuilder.CreateIndex(
                name: "IX_Items_Open_UpdatedAt",
                table: "Items",
                columns: new[] { "UpdatedAt", "Id", "Status", "DeadlineKey" },
                filter: "\"Status\" < 3");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Items_Open_DeadlineKey",
                table: "Items");

            migrationBuilder.DropIndex(
                name: "IX_Items_Open_LeadDepartmentId_DeadlineKey",
                table: "Items");

            migrationBuilder.DropIndex(
                name: "IX_Items_Open_LeadDepartmentId_RoundId",
                table: "Items");

            migrationBuilder.DropIndex(
                name: "IX_Items_Open_LeadDepartmentId_Status",
                table: "Items");

            migrationBuilder.DropIndex(
                name: "IX_Items_Open_LeadDepartmentId_UpdatedAt",
                table: "Items");

            migrationBuilder.DropIndex(
                name: "IX_Items_Open_RoundId",
                table: "Items");

            migrationBuilder.DropIndex(
                name: "IX_Items_Open_Status",
                table: "Items");

            migrationBuilder.DropIndex(
                name: "IX_Items_Open_UpdatedAt",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "DueSoonWorkingDays",
                table: "ReminderSettings");

            migrationBuilder.DropColumn(
                name: "DeadlineKey",
                table: "Items");
        }
    }
}
