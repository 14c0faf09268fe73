using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledger.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Workflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "EvidenceRequired",
                table: "Measures",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "AcknowledgedAt",
                table: "Items",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AcknowledgedBy",
                table: "Items",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ClosedLate",
                table: "Items",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedOutAt",
                table: "Items",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExtensionsApproved",
                table: "Items",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ContentType",
                table: "Evidence",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "StorageKey",
                table: "Evidence",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "SubmittedAt",
                table: "Evidence",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "Evidence",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WithdrawnAt",
                table: "Evidence",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnBy",
                table: "Evidence",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DeadlineExtensions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ItemId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PreviousDate = table.Column<DateOnly>(type: "date", nullable: false),
                    RequestedDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    RequestedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Decision = table.Column<int>(type: "int", nullable: false),
                    DecidedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DecisionReason = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlineExtensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeadlineExtensions_Items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkflowSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AllLeadersApprove = table.Column<bool>(type: "bit", nullable: false),
                    MaxExtensions = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowSettings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_StorageKey",
                table: "Evidence",
                column: "StorageKey");

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_Actor_At",
                table: "AuditRecords",
                columns: new[] { "Actor", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineExtensions_ItemId_RequestedAt",
                table: "DeadlineExtensions",
                columns: new[] { "ItemId", "RequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeadlineExtensions");

            migrationBuilder.DropTable(
                name: "WorkflowSettings");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_StorageKey",
                table: "Evidence");

            migrationBuilder.DropIndex(
                name: "IX_AuditRecords_Actor_At",
                table: "AuditRecords");

            migrationBuilder.DropColumn(
                name: "EvidenceRequired",
                table: "Measures");

            migrationBuilder.DropColumn(
                name: "AcknowledgedAt",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "AcknowledgedBy",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ClosedLate",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ClosedOutAt",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ExtensionsApproved",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ContentType",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "StorageKey",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "WithdrawnBy",
                table: "Evidence");
        }
    }
}
