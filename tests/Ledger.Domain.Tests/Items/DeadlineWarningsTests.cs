using Ledger.Domain.Calendar;
using Ledger.Domain.Items;
using static Ledger.Domain.Tests.Items.ItemFactory;

namespace Ledger.Domain.Tests.Items;

public sealed class DeadlineWarningsTests
{
    /// <summary>A Thursday: the window of 3 working days runs to Tuesday, and Wednesday is the first day past it.</summary>
    private static readonly DateOnly Today = new(2025, 1, 16);

    private static readonly Assignment Office = new(null, new Assignee(Guid.NewGuid(), "办公室"), [], null);

    private static WarningLevel Level(ItemStatus status, Deadline deadline, int dueSoon = 3) =>
        DeadlineWarnings.LevelOf(status, deadline, Today, DeadlineWarnings.DueSoonEnd(WorkingCalendar.WeekdaysOnly, Today, dueSoon));

    [Theory]
    [InlineData("2025-01-15", WarningLevel.Red)]
    [InlineData("2025-01-16", WarningLevel.Yellow)]
    [InlineData("2025-01-19", WarningLevel.Yellow)]
    [InlineData("2025-01-21", WarningLevel.Yellow)]
    [InlineData("2025-01-22", WarningLevel.Green)]
    public void An_open_item_is_red_past_its_deadline_yellow_within_the_working_days_and_green_beyond(string due, WarningLevel level) =>
        Assert.Equal(level, Level(ItemStatus.InProgress, Deadline.On(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture))));

    [Fact]
    public void The_window_is_the_offices_number_of_working_days()
    {
        Assert.Equal(WarningLevel.Yellow, Level(ItemStatus.InProgress, Deadline.On(Today), dueSoon: 0));
        Assert.Equal(WarningLevel.Green, Level(ItemStatus.InProgress, Deadline.On(Today.AddDays(1)), dueSoon: 0));
        Assert.Equal(WarningLevel.Yellow, Level(ItemStatus.InProgress, Deadline.On(Today.AddDays(7)), dueSoon: 5));
    }

    [Theory]
    [InlineData(ItemStatus.Completed)]
    [InlineData(ItemStatus.CloseOutRequested)]
    [InlineData(ItemStatus.ClosedOut)]
    public void Settled_long_term_and_undated_items_are_grey(ItemStatus settled)
    {
        Assert.Equal(WarningLevel.Grey, Level(settled, Deadline.On(Today.AddDays(-10))));
        Assert.Equal(WarningLevel.Grey, Level(ItemStatus.InProgress, Deadline.LongTerm));
        Assert.Equal(WarningLevel.Grey, Level(ItemStatus.NotStarted, Deadline.None));
    }

    [Fact]
    public void The_deadline_key_follows_assignment_and_approved_extensions_and_is_last_without_a_date()
    {
        var item = New();
        Assert.Equal(DeadlineWarnings.Unwatched, item.DeadlineKey);

        item.Assign(Office, Deadline.On(new DateOnly(2025, 1, 10)), null, Stamp);
        Assert.Equal(new DateOnly(2025, 1, 10), item.DeadlineKey);

        item.RequestExtension(new DateOnly(2025, 2, 28), "需修订制度", 2, Stamp);
        item.DecideExtension(true, null, Stamp);
        Assert.Equal(new DateOnly(2025, 2, 28), item.DeadlineKey);

        item.Assign(Office, Deadline.LongTerm, "改为长期坚持", Stamp);
        Assert.Equal(DeadlineWarnings.Unwatched, item.DeadlineKey);
    }

    [Theory]
    [InlineData(ItemStatus.NotStarted, -1)]
    [InlineData(ItemStatus.InProgress, 0)]
    [InlineData(ItemStatus.PartiallyDone, 3)]
    [InlineData(ItemStatus.Completed, -5)]
    [InlineData(ItemStatus.ClosedOut, -5)]
    public void The_query_filters_hold_the_items_the_aggregate_judges_overdue_and_due(ItemStatus status, int daysFromToday)
    {
        var item = In(status);
        if (status < ItemLifecycle.FirstSettled)
        {
            item.Assign(Office, Deadline.On(Today.AddDays(daysFromToday)), null, Stamp);
        }

        var end = DeadlineWarnings.DueSoonEnd(WorkingCalendar.WeekdaysOnly, Today, 3);
        var level = DeadlineWarnings.LevelOf(item.Status, item.Deadline, Today, end);
        Assert.Equal(item.IsOverdueOn(Today), DeadlineWarnings.OverdueOn(Today).Compile()(item));
        Assert.Equal(level == WarningLevel.Red, DeadlineWarnings.OverdueOn(Today).Compile()(item));
        Assert.Equal(level != WarningLevel.Red, DeadlineWarnings.NotOverdueOn(Today).Compile()(item));
        Assert.Equal(level == WarningLevel.Yellow, DeadlineWarnings.DueBetween(Today, end).Compile()(item));
    }
}
