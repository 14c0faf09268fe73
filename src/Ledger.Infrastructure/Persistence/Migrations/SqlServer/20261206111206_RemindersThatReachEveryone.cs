using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledger.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RemindersThatReachEveryone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AwaitsDigest",
                table: "Notifications",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "LeaderInstructions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ItemId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    GivenBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    GivenAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ReadBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeaderInstructions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeaderInstructions_Items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReminderScanDays",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderScanDays", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Addressee = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ReplyBy = table.Column<DateOnly>(type: "date", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(max)", maxLength: -1, nullable: false),
                    IssuedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionNotices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionNoticeItems",
                columns: table => new
                {
                    NoticeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ItemId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionNoticeItems", x => new { x.NoticeId, x.ItemId });
                    table.ForeignKey(
                        name: "FK_SupervisionNoticeItems_Items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupervisionNoticeItems_SupervisionNotices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "SupervisionNotices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_AwaitsDigest",
                table: "Notifications",
                column: "AwaitsDigest");

            migrationBuilder.CreateIndex(
                name: "IX_LeaderInstructions_ItemId_GivenAt",
                table: "LeaderInstructions",
                columns: new[] { "ItemId", "GivenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionNoticeItems_ItemId",
                table: "SupervisionNoticeItems",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionNotices_Year_Number",
                table: "SupervisionNotices",
                columns: new[] { "Year", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LeaderInstructions");

            migrationBuilder.DropTable(
                name: "ReminderScanDays");

            migrationBuilder.DropTable(
                name: "SupervisionNoticeItems");

            migrationBuilder.DropTable(
                name: "SupervisionNotices");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_AwaitsDigest",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "AwaitsDigest",
                table: "Notifications");
        }
    }
}
