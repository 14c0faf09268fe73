using Ledger.Application.Items;
using Ledger.Domain.Items;

namespace Ledger.Application.Tests.Importing;

/// <summary>Cells as offices type them, read back the way the export writes them.</summary>
public class LedgerSheetLayoutTests
{
    [Theory]
    [InlineData(ItemKind.Feedback, 12, "12")]
    [InlineData(ItemKind.ImmediateFix, 3, "立行立改3")]
    [InlineData(ItemKind.Petition, 20, "信访件20")]
    public void Numbers_carry_their_kind_both_ways(ItemKind kind, int number, string cell)
    {
        Assert.Equal(cell, LedgerSheetLayout.NumberCell(kind, number));
        Assert.True(LedgerSheetLayout.TryReadNumber(cell, out var readKind, out var readNumber));
        Assert.Equal((kind, number), (readKind, readNumber));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("一")]
    [InlineData("1.5")]
    [InlineData("问题1")]
    public void Numbers_that_are_not_an_item_number_are_refused(string cell) =>
        Assert.False(LedgerSheetLayout.TryReadNumber(cell, out _, out _));

    [Theory]
    [InlineData("2025年3月31日", "2025-03-31")]
    [InlineData("2025-03-31", "2025-03-31")]
    [InlineData("2025/3/1", "2025-03-01")]
    [InlineData("2025.12.1", "2025-12-01")]
    [InlineData("长期坚持", "long-term")]
    [InlineData("", "none")]
    [InlineData("未设定", "none")]
    public void Deadlines_in_the_forms_offices_write(string cell, string expected)
    {
        Assert.True(LedgerSheetLayout.TryReadDeadline(cell, out var deadline));
        Assert.Equal(expected, deadline.IsLongTerm ? "long-term" : deadline.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "none");
    }

    [Theory]
    [InlineData("3月底")]
    [InlineData("2025年2月30日")]
    [InlineData("尽快")]
    public void Deadlines_that_name_no_day_are_refused(string cell) => Assert.False(LedgerSheetLayout.TryReadDeadline(cell, out _));

    [Fact]
    public void A_problem_cell_splits_into_title_and_description_as_the_export_joined_them()
    {
        Assert.Equal(("档案管理混乱", "借阅无登记。"), LedgerSheetLayout.ReadProblem(LedgerSheetLayout.ProblemCell("档案管理混乱", "借阅无登记。"), "档案管理混乱"));
        Assert.Equal(("档案管理混乱", "档案管理混乱，借阅无登记。"), LedgerSheetLayout.ReadProblem("档案管理混乱，借阅无登记。", "档案管理混乱"));
        Assert.Equal(("公车管理台账缺失", "未按规定登记"), LedgerSheetLayout.ReadProblem("公车管理台账缺失：未按规定登记", null));
        Assert.Equal(("会风不严", "会风不严。迟到早退。"), LedgerSheetLayout.ReadProblem("会风不严。迟到早退。", null));
    }

    [Fact]
    public void Progress_is_dated_by_its_prefix_or_else_today()
    {
        var today = new DateOnly(2025, 1, 16);
        Assert.Equal((new DateOnly(2025, 1, 10), "已起草制度\n待审议"), LedgerSheetLayout.ReadProgress("2025年1月10日：已起草制度\n待审议", today));
        Assert.Equal((today, "已起草制度"), LedgerSheetLayout.ReadProgress("已起草制度", today));
    }

    [Fact]
    public void The_title_row_names_the_time_the_sheet_was_read()
    {
        var asOf = new DateTimeOffset(2025, 1, 16, 10, 5, 0, TimeSpan.FromHours(8));
        var title = LedgerSheetLayout.TitleCell("某院整改台账", asOf);

        Assert.Equal("某院整改台账（截至2025年1月16日 10:05）", title);
        Assert.Equal(asOf, LedgerSheetLayout.ReadAsOf(title));
        Assert.Null(LedgerSheetLayout.ReadAsOf("某院整改台账"));
    }
}
