using System.Net.Http.Json;
using Ledger.Application.Calendar;
using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Application.Items;
using Ledger.Application.Rounds;
using Ledger.Domain.Reminders;
using Ledger.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Web.Tests.Api;

/// <summary>
/// Days left in the ledger are working days of the stored calendar. Today is Thursday 2025年1月16日; 春节 is off from
/// Tuesday 1月28日 to Tuesday 2月4日, and Sunday 1月26日 is worked (调休上班).
/// </summary>
public sealed class WorkingDaysApiTests(LedgerApiFactory factory) : IClassFixture<LedgerApiFactory>
{
    private readonly HttpClient _office = factory.CreateClient();

    /// <summary>A round of open items, one per title, each assigned with its deadline.</summary>
    private async Task<(RoundDto Round, Dictionary<string, ItemState> Items)> ItemsDueAsync(params (string Title, string? Due)[] items)
    {
        var ledgers = new Ledgers(_office);
        var round = await ledgers.RoundAsync();
        var department = await ledgers.DepartmentAsync($"部门{Guid.NewGuid():N}"[..10]);
        var created = new Dictionary<string, ItemState>();
        foreach (var (title, due) in items)
        {
            var item = await ledgers.ItemAsync(round, title);
            created[title] = await (await _office.PutJsonAsync($"/api/items/{item.Id}/assignment", new
            {
                version = item.Version,
                leadDepartmentId = department.Id,
                dueDate = due,
                isLongTerm = due is null,
            })).ReadAsync<ItemState>();
        }

        return (round, created);
    }

    private async Task<List<ItemListDto>> ListAsync(RoundDto round, string query = "") =>
        (await _office.GetFromJsonAsync<PagedResult<ItemListDto>>($"/api/items?roundId={round.Id}&{query}", LedgerApiFactory.Json))!.Items.ToList();

    [Fact]
    public async Task Days_left_count_working_days_across_the_spring_festival_holiday()
    {
        var (round, items) = await ItemsDueAsync(
            ("昨天到期", "2025-01-15"),
            ("今天到期", "2025-01-16"),
            ("周五到期", "2025-01-24"),
            ("节前周一到期", "2025-01-27"),
            ("假期中到期", "2025-02-01"),
            ("节后第一天到期", "2025-02-05"),
            ("长期坚持", null));

        var list = (await ListAsync(round)).ToDictionary(i => i.Title);

        Assert.Equal((-1, "已超期1个工作日", true), (list["昨天到期"].WorkingDaysLeft, list["昨天到期"].DeadlineText, list["昨天到期"].IsOverdue));
        Assert.Equal((0, "今天到期", false), (list["今天到期"].WorkingDaysLeft, list["今天到期"].DeadlineText, list["今天到期"].IsOverdue));
        Assert.Equal((6, "还剩6个工作日"), (list["周五到期"].WorkingDaysLeft, list["周五到期"].DeadlineText));

        // The 调休 Sunday counts; the eight days off do not, so a deadline inside them has Monday's count.
        Assert.Equal((8, "还剩8个工作日"), (list["节前周一到期"].WorkingDaysLeft, list["节前周一到期"].DeadlineText));
        Assert.Equal(8, list["假期中到期"].WorkingDaysLeft);
        Assert.Equal((9, "还剩9个工作日"), (list["节后第一天到期"].WorkingDaysLeft, list["节后第一天到期"].DeadlineText));
        Assert.Equal((null, null), (list["长期坚持"].WorkingDaysLeft, list["长期坚持"].DeadlineText));

        var detail = await new Ledgers(_office).DetailAsync(items["节后第一天到期"].Id);
        Assert.Equal((9, "还剩9个工作日"), (detail.Item.WorkingDaysLeft, detail.Item.DeadlineText));

        Assert.Equal(["今天到期", "周五到期", "节前周一到期", "假期中到期"], (await ListAsync(round, "dueWithinDays=8")).Select(i => i.Title));
        Assert.Equal(["今天到期", "周五到期", "节前周一到期", "假期中到期", "节后第一天到期"], (await ListAsync(round, "dueWithinDays=9")).Select(i => i.Title));
        Assert.Equal(["今天到期"], (await ListAsync(round, "dueWithinDays=0")).Select(i => i.Title));
    }

    [Fact]
    public async Task A_holiday_the_administrator_adds_counts_on_the_next_list_and_its_removal_too()
    {
        var admin = factory.ClientFor(Roles.Admin, userName: "working-days-admin");
        var (round, _) = await ItemsDueAsync(("三月到期", "2025-03-07"));
        Assert.Equal(32, (await ListAsync(round)).Single().WorkingDaysLeft);

        var holiday = await (await admin.PutJsonAsync("/api/calendar/2025-03-05", new { kind = "Holiday", name = "地方假日" })).ReadAsync<CalendarDayDto>();
        Assert.Equal((31, "还剩31个工作日"), ((await ListAsync(round)).Single().WorkingDaysLeft, (await ListAsync(round)).Single().DeadlineText));

        await admin.DeleteAsync($"/api/calendar/2025-03-05?version={holiday.Version}");
        Assert.Equal(32, (await ListAsync(round)).Single().WorkingDaysLeft);
    }

    [Fact]
    public async Task Reminders_sent_count_each_reminder_event_once_however_many_people_it_reached_and_not_the_leaders_digest()
    {
        var (round, items) = await ItemsDueAsync(("被催办的事项", "2025-01-10"), ("未催办的事项", "2025-03-31"));
        var chased = items["被催办的事项"].Id;
        var person = factory.CreateUser("chased-person", Roles.DepartmentStaff).Id;
        var head = factory.CreateUser("chased-head", Roles.DepartmentHead).Id;
        var leader = factory.CreateUser("chased-leader", Roles.Leader).Id;
        var due = new DateOnly(2025, 1, 10);
        await RemindAsync(chased, ReminderKind.DueSoon, due, 3, person, head);
        await RemindAsync(chased, ReminderKind.DueSoon, due, 1, person, head);
        await RemindAsync(chased, ReminderKind.Overdue, due, 1, person);
        await RemindAsync(chased, ReminderKind.Escalation, due, 1, leader);
        await RemindAsync(chased, ReminderKind.LeaderDigest, new DateOnly(2025, 1, 13), 1, leader);

        var list = (await ListAsync(round)).ToDictionary(i => i.Title);
        Assert.Equal((4, 0), (list["被催办的事项"].RemindersSent, list["未催办的事项"].RemindersSent));
        Assert.Equal(4, (await new Ledgers(_office).DetailAsync(chased)).Item.RemindersSent);

        using var stream = new MemoryStream(await _office.GetByteArrayAsync($"/api/items/export?roundId={round.Id}"));
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        var column = ((char)('A' + LedgerSheetLayout.ExportHeaders.ToList().IndexOf("催办次数"))).ToString();
        Assert.Equal("催办次数", rows[1][column]);
        Assert.Equal(["4", "0"], rows.Skip(2).Select(r => r[column]?.ToString()));
    }

    /// <summary>One reminder event, as the reminder scan records it: a notification and a reminder row per recipient.</summary>
    private async Task RemindAsync(Guid itemId, ReminderKind kind, DateOnly series, int stage, params Guid[] recipients)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var at = factory.Clock.GetUtcNow().UtcDateTime;
        var today = new DateOnly(2025, 1, 16);
        foreach (var recipient in recipients)
        {
            var notification = Notification.Create(recipient, kind, today, kind.ToChinese(), "请抓紧整改。", itemId, at);
            db.Notifications.Add(notification);
            db.Reminders.Add(Reminder.For(new ReminderKey(itemId, kind, series, stage, recipient), today, notification.Id, at));
        }

        await db.SaveChangesAsync();
    }
}
