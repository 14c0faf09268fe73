using Bunit;
using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Security;
using Ledger.Application.Reports;
using Ledger.Application.Rounds;
using Ledger.Domain.Items;
using Ledger.Domain.Reports;
using Ledger.Web.Components.Pages;

namespace Ledger.Web.Tests.Components;

public sealed class ReportPageTests : PageContext
{
    private static readonly DateOnly Today = new(2025, 1, 16);
    private static readonly Guid RoundId = Guid.NewGuid();
    private static readonly Guid AspectId = Guid.NewGuid();
    private static readonly Guid ItemId = Guid.NewGuid();
    private static readonly Guid Version1 = Guid.NewGuid();
    private static readonly Guid Version2 = Guid.NewGuid();

    private static readonly ReportParts Composed = new(
        "中共某某检察院党组关于巡察整改进展情况的通报", "按照市委的统一部署……", "组织整改落实情况", null, "巡察反馈问题整改情况", "下一步工作安排", null, "欢迎监督。", "中共某某检察院党组");

    private static readonly ReportParts Written = new(null, null, null, "（一）提高政治站位。", null, null, "一是持续推进整改。", null, null);

    [Fact]
    public void The_office_is_offered_the_written_parts_each_problems_text_and_publishing()
    {
        SignIn(Roles.Office);
        AnswerReport(Draft(Version1));
        RenderProviders();

        var page = Render<Report>(p => p.Add(c => c.RoundId, RoundId));

        page.WaitForElement("[data-testid=report-parts]");
        Assert.Equal("（一）提高政治站位。", page.Find("textarea[data-testid=part-organisation]").GetAttribute("value"));
        Assert.Single(page.FindAll("[data-testid=item-text]"));
        Assert.False(page.Find("[data-testid=publish]").HasAttribute("disabled"));
        Assert.Contains("制定学习计划。", page.Find("[data-testid=report-item]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Before_anything_is_written_the_office_cannot_publish()
    {
        SignIn(Roles.Office);
        AnswerReport(Draft(version: null) with { Written = new ReportParts(null, null, null, null, null, null, null, null, null) });
        RenderProviders();

        var page = Render<Report>(p => p.Add(c => c.RoundId, RoundId));

        Assert.True(page.WaitForElement("[data-testid=publish]").HasAttribute("disabled"));
        Assert.Equal("尚未发布；填写并保存第一部分和第三部分后可以发布", string.Concat(page.Find("[data-testid=last-published]").TextContent.Where(c => !char.IsWhiteSpace(c))));
    }

    [Theory]
    [InlineData(Roles.Leader)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Admin)]
    public void Leaders_supervisors_and_administrators_read_the_report_and_change_nothing(string role)
    {
        SignIn(role);
        AnswerReport(Draft(Version1) with { Items = [Item() with { WrittenText = "整改办改写的文字。" }] });
        RenderProviders();

        var page = Render<Report>(p => p.Add(c => c.RoundId, RoundId));

        page.WaitForElement("[data-testid=report-preview]");
        Assert.Empty(page.FindAll("[data-testid=report-parts]"));
        Assert.Empty(page.FindAll("[data-testid=publish]"));
        Assert.Empty(page.FindAll("[data-testid=item-text]"));
        Assert.Empty(page.FindAll("[data-testid=save-item]"));
        Assert.Equal("整改情况：整改办改写的文字。", page.Find("[data-testid=item-report-text]").TextContent);
        Assert.NotEmpty(page.FindAll("[data-testid=draft-docx]"));
    }

    [Theory]
    [InlineData(Roles.DepartmentHead)]
    [InlineData(Roles.DepartmentStaff)]
    public void A_user_the_server_refuses_the_draft_reads_why_and_is_asked_nothing_else(string role)
    {
        SignIn(role);
        Mediator.Answer<GetReportDraftQuery, ReportDraftDto>(_ => throw new ForbiddenException());
        RenderProviders();

        var page = Render<Report>(p => p.Add(c => c.RoundId, RoundId));

        Assert.Equal("您没有权限进行此操作。", page.WaitForElement("[data-testid=report-refused]").TextContent.Trim());
        Assert.Single(Mediator.Sent);
        Assert.Empty(page.FindAll("[data-testid=figures]"));
    }

    [Fact]
    public void A_conflict_on_saving_loads_the_draft_again_and_keeps_only_the_users_unsaved_words()
    {
        SignIn(Roles.Office);
        var drafts = new Queue<ReportDraftDto>([Draft(Version1), Draft(Version2) with { Written = Written with { Title = "他人改的标题" } }]);
        AnswerReport(drafts.Peek());
        Mediator.Answer<GetReportDraftQuery, ReportDraftDto>(_ => drafts.Count > 1 ? drafts.Dequeue() : drafts.Peek());
        Mediator.Answer<EditReportCommand, Saved>(c => c.Version == Version2 ? new Saved(Guid.NewGuid(), Guid.NewGuid()) : throw new ConcurrencyConflictException(Version2));
        var (_, snackbars) = RenderProviders();
        var page = Render<Report>(p => p.Add(c => c.RoundId, RoundId));

        page.WaitForElement("textarea[data-testid=part-organisation]").Change("（一）我改的第一部分。");
        page.Find("form[data-testid=report-parts]").Submit();

        page.WaitForElement("[data-testid=parts-conflict]");
        Assert.Contains("该记录已被他人修改", snackbars.Markup, StringComparison.Ordinal);
        Assert.Equal(2, Mediator.SentOf<GetReportDraftQuery>().Count());
        page.Find("form[data-testid=report-parts]").Submit();
        var saved = Mediator.SentOf<EditReportCommand>().Last();
        Assert.Equal(Version2, saved.Version);
        Assert.Equal("（一）我改的第一部分。", saved.Organisation);
        Assert.Equal("他人改的标题", saved.Title);
        Assert.Equal("一是持续推进整改。", saved.NextSteps);
    }

    [Fact]
    public void Publishing_with_open_issues_waits_for_their_review_and_sends_it_with_the_draft_version()
    {
        SignIn(Roles.Office);
        ReportIssue[] issues = [new("ProgressMissing", "第1项截至2025年1月16日没有进展情况。", ItemId), new("FigureChanged", "已完成整改数与第1版不同。")];
        AnswerReport(Draft(Version1) with { Issues = issues });
        var edition = new PublishedReportSummary(Guid.NewGuid(), RoundId, 1, Today, Today, Composed.Title!, DateTime.UtcNow, "整改办", new string('a', 64));
        Mediator.Answer<PublishReportCommand, PublishedReportSummary>(_ => edition);
        var (dialogs, snackbars) = RenderProviders();
        var page = Render<Report>(p => p.Add(c => c.RoundId, RoundId));
        Mediator.Answer<ListPublishedReportsQuery, IReadOnlyList<PublishedReportSummary>>(_ => [edition]);

        page.WaitForElement("[data-testid=publish]").Click();

        var confirm = dialogs.WaitForElement("[data-testid=confirm-publish]");
        Assert.True(confirm.HasAttribute("disabled"));
        Assert.Equal(issues.Select(i => i.Message), dialogs.FindAll(".report-issues-dialog li").Select(li => li.TextContent));
        dialogs.Find("input[data-testid=issues-reviewed]").Change(true);
        dialogs.WaitForAssertion(() => Assert.False(dialogs.Find("[data-testid=confirm-publish]").HasAttribute("disabled")));
        dialogs.Find("[data-testid=confirm-publish]").Click();

        page.WaitForAssertion(() => Assert.Equal("第1版", page.Find("[data-testid=edition]").TextContent));
        var published = Assert.Single(Mediator.SentOf<PublishReportCommand>());
        Assert.Equal(new PublishReportCommand(RoundId, Version1, true, Today, Today), published);
        Assert.Contains("已发布第1版。", snackbars.Markup, StringComparison.Ordinal);
    }

    private void AnswerReport(ReportDraftDto draft)
    {
        Mediator.Answer<GetReportDraftQuery, ReportDraftDto>(_ => draft);
        Mediator.Answer<GetRoundQuery, RoundDto>(_ => new RoundDto(
            RoundId, Guid.NewGuid(), "市委第三巡察组", "某某检察院党组", null, null, Today.AddDays(-30), null, [new AspectDto(AspectId, 1, "（一）政治建设方面", 1)], 1, null, "三巡"));
        Mediator.Answer<ListPublishedReportsQuery, IReadOnlyList<PublishedReportSummary>>(_ => []);
    }

    private static ReportDraftDto Draft(Guid? version)
    {
        var problems = new ItemFigures(1, 0, 0, 1, 0, 0, 0, 0, 0, 2);
        var none = new ItemFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        return new ReportDraftDto(
            RoundId,
            Today,
            Today,
            version,
            Written,
            Composed,
            new RoundFigures(RoundId, Today, 1, problems, none, none, problems),
            [Item()],
            [],
            $"{Composed.Title}\n按照市委的统一部署……\n一、组织整改落实情况\n（一）提高政治站位。\n{Composed.Signature}\n2025年1月16日\n",
            null);
    }

    private static ReportItemDto Item() =>
        new(ItemId, 1, AspectId, "理论学习不够深入", ItemStatus.InProgress, "正在整改", null, "制定学习计划。", 0, 1);
}
