using System.Text.Json;
using Ledger.Application.Common;
using Ledger.Application.Importing;
using Ledger.Application.Items;
using Ledger.Application.Organisation;
using Ledger.Domain.Common;
using Ledger.Domain.Items;
using Ledger.Infrastructure.Persistence;
using Ledger.Web.Http;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Web;

/// <summary>
/// Demo data for a newcomer (on when <c>Ledger:DemoData</c> is true, as in Development): on an empty
/// database, the demo organisation of <c>seeds/</c> and the three seed reports, with the items handed
/// out to departments and leaders and deadlines spread around today, so every state is on show.
/// Everything goes through the same commands users send, so history and audit are real, and each step is recorded on a
/// day of the months before today (<see cref="DemoClock"/>): the reports come in, the office assigns, the departments
/// sign for and start the work, report progress, move deadlines with reasons, and items are closed out week by week,
/// so the 12-week trend, the figures as of a past date and the audit trail show a ledger in use.
/// </summary>
internal static partial class DemoData
{
    public const string Actor = "演示数据";

    private const int ListItemsPageSize = 200;

    /// <summary>The unit the seed reports are about, and what a spam site wrote over its name in seed 002.</summary>
    private const string Unit = "长沙市人民检察院";

    /// <summary>
    /// Seed 002 is a web page whose unit name a gambling site replaced with its own; the seed stays as published (the
    /// importer's tests read it), the demo shows the unit the text is about. The name is followed by a stray space there.
    /// </summary>
    private static readonly System.Text.RegularExpressions.Regex SpamName = new("腾博会 ?", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>The seed reports' feedback came in July 2024: the demo's story starts then when today leaves room for it.</summary>
    private static readonly DateOnly StoryStart = new(2024, 7, 22);

    /// <summary>Days from today for successive items; null is 长期坚持. Mixes overdue, due soon and later.</summary>
    private static readonly int?[] DeadlineOffsets = [-30, -6, 2, 5, 12, 25, 45, 70, null, 100];

    /// <summary>Open items of the last round left for the office to assign, so 待分工 and 批量分工 have work.</summary>
    private const int LeftUnassigned = 5;

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<LedgerOptions>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoData).FullName!);
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        if (!options.DemoData || await provider.GetRequiredService<LedgerDbContext>().Rounds.AnyAsync(cancellationToken))
        {
            return;
        }

        var folder = FindSeeds(provider.GetRequiredService<IHostEnvironment>().ContentRootPath);
        if (folder is null)
        {
            LogNoSeeds(logger);
            return;
        }

        provider.GetRequiredService<HttpCurrentUser>().ActingAs = Actor;
        var today = provider.GetRequiredService<RequestContext>().Today;
        var story = new Story(today);
        var mediator = provider.GetRequiredService<IMediator>();
        var organisation = JsonSerializer.Deserialize<DemoOrganisation>(
            await File.ReadAllTextAsync(Path.Combine(folder, "demo-organisation.json"), cancellationToken), JsonSerializerOptions.Web)!;
        story.At(0, 8);
        var departments = new List<(Guid Department, Guid Person)>();
        foreach (var department in organisation.Departments)
        {
            var saved = await mediator.Send(new CreateDepartmentCommand(department.Name), cancellationToken);
            var person = await mediator.Send(new CreatePersonCommand(department.Person, "负责人", saved.Id, false), cancellationToken);
            departments.Add((saved.Id, person.Id));
        }

        var leaders = new List<Guid>();
        foreach (var leader in organisation.Leaders)
        {
            leaders.Add((await mediator.Send(new CreatePersonCommand(leader.Name, leader.Position, null, true), cancellationToken)).Id);
        }

        var files = Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            story.At(1, 9);
            var content = await File.ReadAllBytesAsync(file, cancellationToken);
            var text = System.Text.Encoding.UTF8.GetString(content);
            if (SpamName.IsMatch(text))
            {
                content = System.Text.Encoding.UTF8.GetBytes(SpamName.Replace(text, Unit));
            }

            var imported = await mediator.Send(new ImportReportCommand(Path.GetFileName(file), content), cancellationToken);
            await HandOutAsync(mediator, story, imported.RoundId!.Value, departments, leaders, file == files[^1] ? LeftUnassigned : 0, cancellationToken);
        }

        DemoClock.StopRecording();
        LogSeeded(logger, folder);
    }

    private static async Task HandOutAsync(
        IMediator mediator, Story story, Guid roundId, List<(Guid Department, Guid Person)> departments, List<Guid> leaders, int unassigned, CancellationToken cancellationToken)
    {
        var items = (await mediator.Send(new ListItemsQuery { RoundId = roundId, PageSize = ListItemsPageSize }, cancellationToken)).Items;
        var leftOpen = items.Where(i => i.Status < ItemLifecycle.FirstSettled).TakeLast(unassigned).Select(i => i.Id).ToHashSet();
        var closing = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (leftOpen.Contains(item.Id))
            {
                continue;
            }

            var (department, person) = departments[i % departments.Count];
            var co = departments[(i + 3) % departments.Count].Department;
            var leader = i % leaders.Count;
            var offset = DeadlineOffsets[i % DeadlineOffsets.Length];
            var deadline = offset is { } days ? story.Today.AddDays(days) : (DateOnly?)null;

            // Some deadlines were first set earlier and moved by the office later, with the reason the ledger asks for.
            var moved = deadline is not null && i % 7 == 2;
            story.At(7, 9, i);
            var state = await mediator.Send(
                new AssignItemCommand(item.Id, item.Version, leaders[leader], department, i % 3 == 0 ? [co] : [], person, moved ? deadline!.Value.AddDays(-45) : deadline, IsLongTerm: offset is null),
                cancellationToken);
            if (i % 5 != 4)
            {
                story.At(10, 10, i);
                state = await mediator.Send(new AcknowledgeItemCommand(state.Id, state.Version, Start: item.Status == ItemStatus.NotStarted && i % 4 != 0), cancellationToken);
            }

            if (item.Status == ItemStatus.NotStarted && i % 4 == 3 && state.Status == ItemStatus.InProgress)
            {
                story.At(story.Span * 2 / 5, 15, i);
                state = await mediator.Send(new MarkItemPartiallyDoneCommand(state.Id, state.Version, "短期措施已完成，长效机制持续推进。"), cancellationToken);
            }

            if (moved)
            {
                story.BeforeToday(20, 11, i);
                state = await mediator.Send(
                    new AssignItemCommand(state.Id, state.Version, leaders[leader], department, i % 3 == 0 ? [co] : [], person, deadline, Reason: "牵头部门调整后重新部署，经整改办研究调整整改时限。"),
                    cancellationToken);
            }

            // Half the departments reported within the week, the others are due to (待报送进展).
            if (state.Status is ItemStatus.InProgress or ItemStatus.PartiallyDone)
            {
                story.BeforeToday(4 + (i % 12), 16, i);
                state = await mediator.Send(new ReportProgressCommand(state.Id, "按整改方案推进，相关制度已起草并征求意见。", "提交党组会研究后印发执行。", null), cancellationToken);
            }

            if (state.Status == ItemStatus.InProgress && deadline is not null && i % 9 == 4)
            {
                story.BeforeToday(3, 14, i);
                await mediator.Send(new RequestExtensionCommand(state.Id, state.Version, deadline.Value.AddDays(30), "需待上级院统一部署后实施，申请延期一个月。"), cancellationToken);
            }

            if (state.Status == ItemStatus.Completed)
            {
                await CloseOutAsync(mediator, story, state, department, leader, closing++, i, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Items the report gave as done: those of 办公室 and 政治部 wait with their evidence for the department's 销号申请, some of
    /// 李明's and 张华's wait for the leader's approval, and the rest were closed out over the past weeks.
    /// </summary>
    private static async Task CloseOutAsync(
        IMediator mediator, Story story, ItemState state, Guid department, int leader, int closing, int index, CancellationToken cancellationToken)
    {
        var ready = index % 8 is 0 or 1;
        var awaitingLeader = !ready && leader is 0 or 1 && closing % 2 == 0;
        var week = closing % (Ledger.Application.Dashboard.GetDashboardQuery.Weeks - 1);
        var day = ready || awaitingLeader ? story.Today.AddDays(-2) : story.Today.AddDays(-7 * (week + 1) + 2);
        Story.On(day, 9, index);
        var evidence = System.Text.Encoding.UTF8.GetBytes($"%PDF-1.4\n% 整改佐证材料 {state.Id}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
        await using (var content = new MemoryStream(evidence))
        {
            state = await mediator.Send(new AttachEvidenceCommand(state.Id, state.Version, "整改落实情况报告.pdf", content, null, "党组会审议通过的整改落实情况报告", day), cancellationToken);
        }

        if (ready)
        {
            return;
        }

        Story.On(day, 10, index);
        state = await mediator.Send(new RequestCloseOutCommand(state.Id, state.Version, "整改措施已全部落实，相关制度已印发执行。"), cancellationToken);
        Story.On(day, 15, index);
        state = await mediator.Send(new ReviewCloseOutCommand(state.Id, state.Version, true, "佐证材料齐全，同意报领导审批。"), cancellationToken);
        if (!awaitingLeader)
        {
            Story.On(day.AddDays(1), 9, index);
            await mediator.Send(new DecideCloseOutCommand(state.Id, state.Version, true, null), cancellationToken);
        }
    }

    /// <summary>
    /// The demo's days: from <see cref="StoryStart"/> (or 180 days back when today is too close to it) to today, each step
    /// recorded at an hour of its day in China, a minute apart per item so the steps of one item keep their order.
    /// </summary>
    private sealed class Story(DateOnly today)
    {
        public DateOnly Today => today;

        public DateOnly Start { get; } = today.DayNumber - StoryStart.DayNumber >= 120 ? StoryStart : today.AddDays(-180);

        public int Span => today.DayNumber - Start.DayNumber;

        /// <summary>Records at <paramref name="days"/> after the story's start.</summary>
        public void At(int days, int hour, int item = 0) => On(Start.AddDays(days), hour, item);

        /// <summary>Records <paramref name="days"/> before today.</summary>
        public void BeforeToday(int days, int hour, int item = 0) => On(today.AddDays(-days), hour, item);

        public static void On(DateOnly day, int hour, int item = 0) =>
            DemoClock.RecordAt(ChinaCalendar.At(day, new TimeOnly(hour, item % 60)));
    }

    internal static string? FindSeeds(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seeds");
            if (File.Exists(Path.Combine(candidate, "demo-organisation.json")))
            {
                return candidate;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ledger:DemoData is on but no seeds/demo-organisation.json was found above the content root; starting empty")]
    private static partial void LogNoSeeds(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data loaded from {Folder}")]
    private static partial void LogSeeded(ILogger logger, string folder);

    internal sealed record DemoOrganisation(IReadOnlyList<DemoDepartment> Departments, IReadOnlyList<DemoLeader> Leaders, IReadOnlyList<DemoAccount>? Accounts);

    internal sealed record DemoAccount(string UserName, string DisplayName, string Role, string? Department, string? Person);

    internal sealed record DemoDepartment(string Name, string Person);

    internal sealed record DemoLeader(string Name, string Position);
}
