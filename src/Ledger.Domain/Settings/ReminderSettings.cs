using Ledger.Domain.Common;
using Ledger.Domain.Items;

namespace Ledger.Domain.Settings;

/// <summary>
/// When reminders (催办) go out and how far they escalate; one per ledger, set by the office. The scan's time of day is
/// deployment configuration, not this: it decides when the host wakes, these decide what it then finds.
/// </summary>
public sealed class ReminderSettings : AggregateRoot
{
    public static readonly Guid SingletonId = new("4c6e2a9e-0000-7000-8000-000000000002");

    public static readonly IReadOnlyList<int> DefaultDueSoonOffsets = [5, 3, 1];

    private int[] _dueSoonOffsets = [.. DefaultDueSoonOffsets];

    private ReminderSettings()
    {
    }

    /// <summary>Working days before the deadline on which the 责任人 and 部门负责人 are reminded, largest first.</summary>
    public IReadOnlyList<int> DueSoonOffsets => _dueSoonOffsets;

    /// <summary>Working days overdue after which the 责任领导 and 整改办 are told.</summary>
    public int EscalateAfterOverdueDays { get; private set; } = 3;

    /// <summary>Working days overdue after which the 主要负责人 is told; null stops the chain at the 责任领导.</summary>
    public int? PrincipalAfterOverdueDays { get; private set; } = 10;

    /// <summary>主要负责人: the person the last step of the chain reaches.</summary>
    public Guid? PrincipalLeaderPersonId { get; private set; }

    /// <summary>Long-term items get a review reminder every this many months instead of deadline reminders.</summary>
    public int LongTermReviewMonths { get; private set; } = 1;

    public DayOfWeek LeaderDigestDay { get; private set; } = DayOfWeek.Monday;

    public DayOfWeek ProgressReminderDay { get; private set; } = DayOfWeek.Friday;

    /// <summary>Days without a progress report after which the department is reminded to report.</summary>
    public int ProgressStaleDays { get; private set; } = 7;

    /// <summary>
    /// 临期 (黄): open items due within this many working days (0: only on the day itself), wherever the ledger shows a
    /// warning — lists, the item, the dashboard, 我的待办 and the export.
    /// </summary>
    public int DueSoonWorkingDays { get; private set; } = DeadlineWarnings.DefaultDueSoonWorkingDays;

    /// <summary>Remind on holidays and weekends too; off by default, so no one is chased on a day off.</summary>
    public bool RemindOnNonWorkingDays { get; private set; }

    public static ReminderSettings Defaults() => new() { Id = SingletonId };

    public static ReminderSettings Create(ChangeStamp stamp)
    {
        var settings = Defaults();
        settings.MarkCreated(stamp);
        return settings;
    }

    /// <summary>The validator gives users the reasons in Chinese; these checks keep the aggregate whole whoever calls.</summary>
    public void Change(ReminderRules rules, ChangeStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var offsets = rules.DueSoonOffsets.Distinct().OrderDescending().ToArray();
        if (offsets.Any(o => o is < 1 or > 30))
        {
            throw new ArgumentOutOfRangeException(nameof(rules), "Due-soon offsets are between 1 and 30 working days.");
        }

        if (rules.EscalateAfterOverdueDays is < 1 or > 60
            || rules.PrincipalAfterOverdueDays is { } principal && (principal <= rules.EscalateAfterOverdueDays || principal > 120)
            || rules.LongTermReviewMonths is < 1 or > 12
            || rules.ProgressStaleDays is < 1 or > 60
            || rules.DueSoonWorkingDays is < 0 or > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(rules), "A reminder setting is out of range.");
        }

        _dueSoonOffsets = offsets;
        EscalateAfterOverdueDays = rules.EscalateAfterOverdueDays;
        PrincipalAfterOverdueDays = rules.PrincipalAfterOverdueDays;
        PrincipalLeaderPersonId = rules.PrincipalLeaderPersonId;
        LongTermReviewMonths = rules.LongTermReviewMonths;
        LeaderDigestDay = rules.LeaderDigestDay;
        ProgressReminderDay = rules.ProgressReminderDay;
        ProgressStaleDays = rules.ProgressStaleDays;
        RemindOnNonWorkingDays = rules.RemindOnNonWorkingDays;
        DueSoonWorkingDays = rules.DueSoonWorkingDays;
        Touch(stamp);
    }

    public ReminderRules Rules => new(
        _dueSoonOffsets,
        EscalateAfterOverdueDays,
        PrincipalAfterOverdueDays,
        PrincipalLeaderPersonId,
        LongTermReviewMonths,
        LeaderDigestDay,
        ProgressReminderDay,
        ProgressStaleDays,
        RemindOnNonWorkingDays,
        DueSoonWorkingDays);
}

/// <summary>The values of <see cref="ReminderSettings"/>, as the office edits them and the planner reads them.</summary>
public sealed record ReminderRules(
    IReadOnlyList<int> DueSoonOffsets,
    int EscalateAfterOverdueDays,
    int? PrincipalAfterOverdueDays,
    Guid? PrincipalLeaderPersonId,
    int LongTermReviewMonths,
    DayOfWeek LeaderDigestDay,
    DayOfWeek ProgressReminderDay,
    int ProgressStaleDays,
    bool RemindOnNonWorkingDays,
    int DueSoonWorkingDays = DeadlineWarnings.DefaultDueSoonWorkingDays);
