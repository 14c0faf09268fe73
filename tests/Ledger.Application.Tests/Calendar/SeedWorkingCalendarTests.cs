using System.Text.Json.Nodes;
using Ledger.Application.Calendar;
using Ledger.Application.Common.Security;
using Ledger.Domain.Calendar;
using Ledger.Testing;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Tests.Calendar;

/// <summary>Start-up seeding: each year of the file the database lacks is added, and nothing stored is touched.</summary>
public sealed class SeedWorkingCalendarTests : IAsyncDisposable
{
    private static readonly string SeedJson = File.ReadAllText(RepositoryFiles.Seed(WorkingCalendarFile.SeedFileName));

    private readonly ApplicationHarness _app = new();

    public SeedWorkingCalendarTests() => _app.User.SetupGet(u => u.IsSystem).Returns(true);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>The seed file cut down to some of its years, as an older release shipped it.</summary>
    private static WorkingCalendarFile Years(params int[] years)
    {
        var json = JsonNode.Parse(SeedJson)!;
        var kept = json["years"]!.AsArray().Where(y => years.Contains((int)y!["year"]!)).Select(y => y!.DeepClone()).ToArray();
        json["years"] = new JsonArray(kept);
        return WorkingCalendarFile.Parse(json.ToJsonString());
    }

    private Task<int> AuditRecordsAsync() => _app.ReadAsync(db => db.AuditRecords.CountAsync(a => a.Action == "SeedWorkingCalendar"));

    [Fact]
    public async Task An_empty_calendar_gets_every_year_of_the_file_once_with_one_audit_record()
    {
        var file = WorkingCalendarFile.Parse(SeedJson);

        var first = await _app.SendAsync(new SeedWorkingCalendarCommand(file));
        var again = await _app.SendAsync(new SeedWorkingCalendarCommand(file));

        Assert.Equal([2024, 2025, 2026], first.YearsAdded);
        Assert.Equal(file.Days.Count, first.DaysAdded);
        Assert.Empty(again.YearsAdded);
        Assert.Equal(0, again.DaysAdded);
        Assert.Equal(1, await AuditRecordsAsync());
        var stored = await _app.ReadAsync(db => db.CalendarEntries.OrderBy(e => e.Date).Select(e => new CalendarDay(e.Date, e.Kind, e.Name)).ToListAsync());
        Assert.Equal(file.Days, stored);
    }

    [Fact]
    public async Task A_later_file_adds_its_new_years_and_keeps_the_administrators_edits_of_earlier_ones()
    {
        await _app.SendAsync(new SeedWorkingCalendarCommand(Years(2025)));
        _app.User.SetupGet(u => u.IsSystem).Returns(false);
        _app.User.SetupGet(u => u.Roles).Returns([Roles.Admin]);
        var year = await _app.SendAsync(new GetCalendarYearQuery(2025));
        var springFestival = year.Days.Single(d => d.Date == new DateOnly(2025, 1, 28));
        var tombSweeping = year.Days.Single(d => d.Date == new DateOnly(2025, 4, 4));
        await _app.SendAsync(new SetCalendarDayCommand(springFestival.Date, CalendarDayKind.Holiday, "春节（本地安排）", springFestival.Version));
        await _app.SendAsync(new DeleteCalendarDayCommand(tombSweeping.Date, tombSweeping.Version));
        _app.User.SetupGet(u => u.IsSystem).Returns(true);

        var result = await _app.SendAsync(new SeedWorkingCalendarCommand(WorkingCalendarFile.Parse(SeedJson)));

        Assert.Equal([2024, 2026], result.YearsAdded);
        var after = await _app.SendAsync(new GetCalendarYearQuery(2025));
        Assert.Equal("春节（本地安排）", after.Days.Single(d => d.Date == springFestival.Date).Name);
        Assert.DoesNotContain(after.Days, d => d.Date == tombSweeping.Date);
        Assert.True((await _app.SendAsync(new GetCalendarYearQuery(2026))).Covered);
    }
}
