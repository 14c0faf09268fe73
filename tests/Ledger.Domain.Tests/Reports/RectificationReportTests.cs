using Ledger.Domain.Common;
using Ledger.Domain.Reports;
using Ledger.Domain.Reports.Rules;

namespace Ledger.Domain.Tests.Reports;

public class RectificationReportTests
{
    private static readonly ChangeStamp Stamp = new("整改办", new DateTime(2025, 1, 16, 2, 0, 0, DateTimeKind.Utc));
    private static readonly DateOnly Day = new(2025, 1, 16);

    private static PublishedContent Content(DateOnly? reportDate = null) =>
        new(Day, reportDate ?? Day, "通报", "通报\n正文\n", "{}", "[]", "[]", [1, 2, 3]);

    private static RectificationReport Written()
    {
        var report = RectificationReport.Create(Guid.NewGuid(), Stamp);
        report.Write(new ReportParts(null, null, null, "成立领导小组。", null, null, "持续整改。", null, null), Stamp);
        return report;
    }

    [Fact]
    public void Blank_parts_go_back_to_the_ledgers_wording()
    {
        var report = Written();
        var version = report.Version;

        report.Write(new ReportParts(" ", "开头", null, "成立领导小组。", null, "三、下一步", " ", null, "落款"), Stamp);

        Assert.Equal((null, "开头", null, "落款"), (report.Title, report.Opening, report.NextSteps, report.Signature));
        Assert.NotEqual(version, report.Version);
    }

    [Fact]
    public void An_item_text_is_replaced_and_a_blank_one_removed()
    {
        var report = Written();
        var item = Guid.NewGuid();

        report.WriteItemText(item, "已建立制度。", Stamp);
        report.WriteItemText(item, "已建立并执行制度。", Stamp);
        Assert.Equal("已建立并执行制度。", report.ItemText(item));
        Assert.Single(report.ItemTexts);

        report.WriteItemText(item, "  ", Stamp);
        Assert.Null(report.ItemText(item));
        Assert.Empty(report.ItemTexts);
    }

    [Fact]
    public void Nothing_is_published_before_parts_one_and_three_are_written()
    {
        var report = RectificationReport.Create(Guid.NewGuid(), Stamp);
        report.Write(new ReportParts(null, null, null, "成立领导小组。", null, null, null, null, null), Stamp);

        var refused = Assert.Throws<BusinessRuleViolationException>(() => report.Publish(Content(), 0, false, Stamp));
        Assert.Equal(nameof(ReportPartsMustBeWritten), refused.Code);
        Assert.Equal(0, report.Editions);
    }

    [Fact]
    public void Open_issues_must_be_reviewed_and_each_publication_is_the_next_edition()
    {
        var report = Written();

        var refused = Assert.Throws<BusinessRuleViolationException>(() => report.Publish(Content(), 2, false, Stamp));
        Assert.Equal(nameof(ConsistencyIssuesMustBeReviewed), refused.Code);
        Assert.Contains("2项", refused.Message, StringComparison.Ordinal);

        var first = report.Publish(Content(), 2, true, Stamp);
        var second = report.Publish(Content(Day.AddDays(3)), 0, false, Stamp);

        Assert.Equal((1, 2, 2), (first.Edition, second.Edition, report.Editions));
        Assert.Equal("通报\n正文\n", first.Text);
        Assert.Equal("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81", first.DocxSha256);
        Assert.Equal((report.RoundId, Stamp.Actor, Stamp.At), (second.RoundId, second.PublishedBy, second.PublishedAt));
    }

    [Fact]
    public void A_report_is_not_dated_before_the_day_it_counts_to() =>
        Assert.Throws<ArgumentException>(() => Written().Publish(Content(Day.AddDays(-1)), 0, false, Stamp));
}
