using System.Net;
using System.Net.Http.Json;
using Ledger.Application.Auditing;
using Ledger.Application.Calendar;
using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Domain.Calendar;

namespace Ledger.Web.Tests.Api;

/// <summary>The working calendar: seeded at start-up, read by anyone signed in, changed by the administrator only.</summary>
public sealed class CalendarApiTests(LedgerApiFactory factory) : IClassFixture<LedgerApiFactory>
{
    private readonly HttpClient _admin = factory.ClientFor(Roles.Admin, userName: "calendar-admin");

    private async Task<CalendarYearDto> YearAsync(int year) =>
        (await _admin.GetFromJsonAsync<CalendarYearDto>($"/api/calendar?year={year}", LedgerApiFactory.Json))!;

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string date, object body) => client.PutJsonAsync($"/api/calendar/{date}", body);

    private static async Task<string> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.ProblemAsync(400);
        return string.Join(" ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
    }

    private async Task<List<AuditRecordDto>> AuditAsync(string action) =>
        (await (await _admin.GetAsync($"/api/audit?pageSize=100&action={action}")).ReadAsync<PagedResult<AuditRecordDto>>()).Items.ToList();

    [Fact]
    public async Task A_fresh_host_has_the_seed_files_holidays_and_working_weekends_readable_by_anyone_signed_in()
    {
        var staff = factory.ClientFor(Roles.DepartmentStaff, Guid.NewGuid(), userName: "calendar-reader");

        var year = await (await staff.GetAsync("/api/calendar?year=2025")).ReadAsync<CalendarYearDto>();

        Assert.Equal((2025, true, 33), (year.Year, year.Covered, year.Days.Count));
        Assert.Equal(year.Days.Select(d => d.Date).Order(), year.Days.Select(d => d.Date));
        var springFestival = year.Days.Single(d => d.Date == new DateOnly(2025, 1, 28));
        Assert.Equal((CalendarDayKind.Holiday, "放假", "春节"), (springFestival.Kind, springFestival.KindText, springFestival.Name));
        var sunday = year.Days.Single(d => d.Date == new DateOnly(2025, 1, 26));
        Assert.Equal((CalendarDayKind.Workday, "调休上班", "春节调休上班"), (sunday.Kind, sunday.KindText, sunday.Name));
        Assert.Equal(2025, (await (await staff.GetAsync("/api/calendar")).ReadAsync<CalendarYearDto>()).Year);
        Assert.Equal((false, 0), ((await YearAsync(2030)).Covered, (await YearAsync(2030)).Days.Count));
        await (await staff.GetAsync("/api/calendar?year=1800")).ProblemAsync(400);
        await (await factory.Anonymous().GetAsync("/api/calendar?year=2025")).ProblemAsync(401);

        var seeded = Assert.Single(await AuditAsync("SeedWorkingCalendar"));
        Assert.Equal(("系统初始化", "导入节假日安排"), (seeded.Actor, seeded.ActionText));
    }

    [Fact]
    public async Task Only_the_administrator_changes_the_calendar()
    {
        var office = factory.CreateClient();
        var entry = (await YearAsync(2025)).Days.Single(d => d.Date == new DateOnly(2025, 5, 1));

        await (await PutAsync(office, "2025-03-10", new { kind = "Holiday", name = "地方假日" })).ProblemAsync(403);
        await (await PutAsync(office, "2025-05-01", new { kind = "Holiday", name = "五一", version = entry.Version })).ProblemAsync(403);
        await (await office.DeleteAsync($"/api/calendar/2025-05-01?version={entry.Version}")).ProblemAsync(403);
        await (await factory.ClientFor(Roles.Leader, userName: "calendar-leader").DeleteAsync($"/api/calendar/2025-05-01?version={entry.Version}")).ProblemAsync(403);

        Assert.Equal(entry, (await YearAsync(2025)).Days.Single(d => d.Date == entry.Date));
    }

    [Fact]
    public async Task An_entry_is_created_changed_and_deleted_with_the_version_read_and_a_stale_one_gets_409()
    {
        var created = await (await PutAsync(_admin, "2025-03-03", new { kind = "Holiday", name = "地方假日" })).ReadAsync<CalendarDayDto>();
        Assert.Equal((new DateOnly(2025, 3, 3), CalendarDayKind.Holiday, "放假", "地方假日"), (created.Date, created.Kind, created.KindText, created.Name));

        // Created meanwhile by someone else: the user did not read it, so theirs would overwrite blindly.
        var unseen = await (await PutAsync(_admin, "2025-03-03", new { kind = "Holiday", name = "别的名称" })).ProblemAsync(409);
        Assert.Equal(created.Version, unseen.GetProperty("currentVersion").GetGuid());
        var changed = await (await PutAsync(_admin, "2025-03-03", new { kind = "Holiday", name = "地方节日", version = created.Version })).ReadAsync<CalendarDayDto>();
        Assert.NotEqual(created.Version, changed.Version);
        await (await PutAsync(_admin, "2025-03-03", new { kind = "Holiday", name = "过期的修改", version = created.Version })).ProblemAsync(409);
        Assert.Equal(changed, (await YearAsync(2025)).Days.Single(d => d.Date == changed.Date));

        await (await _admin.DeleteAsync($"/api/calendar/2025-03-03?version={created.Version}")).ProblemAsync(409);
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/api/calendar/2025-03-03?version={changed.Version}")).StatusCode);
        Assert.DoesNotContain((await YearAsync(2025)).Days, d => d.Date == changed.Date);
        await (await _admin.DeleteAsync($"/api/calendar/2025-03-03?version={changed.Version}")).ProblemAsync(404);
        await (await PutAsync(_admin, "2025-03-03", new { kind = "Holiday", name = "已删除", version = changed.Version })).ProblemAsync(409);

        // The calendar is reference data, so its entries are deleted; the audit record keeps what the entry said.
        var deleted = Assert.Single(await AuditAsync("DeleteCalendarDay"), r => r.Changes.EnumerateArray().Any(c =>
            c.GetProperty("Values").TryGetProperty("Name", out var name) && name.GetProperty("From").GetString() == "地方节日"));
        Assert.Equal(("calendar-admin", "删除节假日/调休"), (deleted.Actor, deleted.ActionText));
        var change = Assert.Single(deleted.Changes.EnumerateArray());
        Assert.Equal(("CalendarEntry", "Deleted"), (change.GetProperty("Entity").GetString(), change.GetProperty("State").GetString()));
        Assert.Equal("地方节日", change.GetProperty("Values").GetProperty("Name").GetProperty("From").GetString());
        Assert.NotNull(change.GetProperty("Values").GetProperty("Date").GetProperty("From").GetString());
    }

    [Fact]
    public async Task An_entry_that_says_what_its_weekday_says_is_refused_but_a_stored_weekend_holiday_may_be_renamed()
    {
        Assert.Contains("本来就是工作日", await FieldErrorAsync(await PutAsync(_admin, "2025-03-04", new { kind = "Workday", name = "加班" }), "kind"), StringComparison.Ordinal);
        Assert.Contains("本来就是休息日", await FieldErrorAsync(await PutAsync(_admin, "2025-03-08", new { kind = "Holiday", name = "周六" }), "kind"), StringComparison.Ordinal);

        // 春节 is listed from Tuesday 1月28日 to Tuesday 2月4日, weekend included.
        var year = await YearAsync(2025);
        var saturday = year.Days.Single(d => d.Date == new DateOnly(2025, 2, 1));
        var renamed = await (await PutAsync(_admin, "2025-02-01", new { kind = "Holiday", name = "春节假期", version = saturday.Version })).ReadAsync<CalendarDayDto>();
        Assert.Equal("春节假期", renamed.Name);
        var tuesday = year.Days.Single(d => d.Date == new DateOnly(2025, 1, 28));
        Assert.Contains("本来就是工作日", await FieldErrorAsync(await PutAsync(_admin, "2025-01-28", new { kind = "Workday", name = "上班", version = tuesday.Version }), "kind"), StringComparison.Ordinal);

        var worked = await (await PutAsync(_admin, "2025-03-08", new { kind = "Workday", name = "地方调休上班" })).ReadAsync<CalendarDayDto>();
        Assert.Equal("调休上班", worked.KindText);
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/api/calendar/2025-03-08?version={worked.Version}")).StatusCode);
    }

    [Fact]
    public async Task Names_kinds_and_dates_are_checked_with_Chinese_messages()
    {
        Assert.Equal("请填写“名称”。", await FieldErrorAsync(await PutAsync(_admin, "2025-03-05", new { kind = "Holiday", name = " " }), "name"));
        Assert.Contains("50", await FieldErrorAsync(await PutAsync(_admin, "2025-03-05", new { kind = "Holiday", name = new string('假', 51) }), "name"), StringComparison.Ordinal);
        Assert.Contains("放假", await FieldErrorAsync(await PutAsync(_admin, "2025-03-05", new { kind = 9, name = "假日" }), "kind"), StringComparison.Ordinal);
        Assert.Contains("放假", await FieldErrorAsync(await PutAsync(_admin, "2025-03-05", new { name = "假日" }), "kind"), StringComparison.Ordinal);
        await (await PutAsync(_admin, "2025-02-30", new { kind = "Holiday", name = "假日" })).ProblemAsync(400);
        await (await _admin.DeleteAsync("/api/calendar/2025-03-05")).ProblemAsync(400);
        Assert.DoesNotContain((await YearAsync(2025)).Days, d => d.Date == new DateOnly(2025, 3, 5));
    }
}
