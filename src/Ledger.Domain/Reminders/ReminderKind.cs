namespace Ledger.Domain.Reminders;

/// <summary>Why someone is reminded (催办) about an item.</summary>
public enum ReminderKind
{
    /// <summary>The deadline is a few working days away; the stage is the offset reached (5, 3, 1 by default).</summary>
    DueSoon = 1,

    /// <summary>Today is the last working day before the deadline passes.</summary>
    DueToday = 2,

    /// <summary>Daily while overdue; the stage is the number of working days overdue.</summary>
    Overdue = 3,

    /// <summary>Overdue long enough to go up the chain; the stage is the level (1 责任领导 and 整改办, 2 主要负责人).</summary>
    Escalation = 4,

    /// <summary>A long-term item's periodic review; the series date is the period's first day.</summary>
    LongTermReview = 5,

    /// <summary>The weekly list of a leader's overdue and due-soon items; the series date is the week's Monday.</summary>
    LeaderDigest = 6,

    /// <summary>No progress reported for a while; the series date is the week's Monday.</summary>
    ProgressDue = 7,

    /// <summary>Handed to the lead department and not yet 签收; daily, the series date is the day.</summary>
    AcknowledgementDue = 8,

    /// <summary>A request waiting for the recipient (销号申请, 审核通过, 延期申请) or a decision on the department's own.</summary>
    Request = 9,

    /// <summary>催办 sent by hand by the office or the responsible leader, with their words.</summary>
    ManualChase = 10,

    /// <summary>督办通知 issued by the office, with its 督办单.</summary>
    Supervision = 11,

    /// <summary>领导批示 on an item.</summary>
    Instruction = 12,
}

/// <summary>Whom a planned reminder is for, by the part they play on the item; the directory turns it into accounts.</summary>
public enum ReminderAudience
{
    /// <summary>责任人.</summary>
    ResponsiblePerson = 1,

    /// <summary>The lead department's 部门负责人.</summary>
    DepartmentHead = 2,

    /// <summary>责任领导.</summary>
    ResponsibleLeader = 3,

    /// <summary>整改办.</summary>
    Office = 4,

    /// <summary>主要负责人, as the reminder settings name them.</summary>
    PrincipalLeader = 5,

    /// <summary>The heads of the co-departments (配合部门): the item's deadline concerns them too.</summary>
    CoDepartmentHeads = 6,
}

public static class ReminderKinds
{
    public static string ToChinese(this ReminderKind kind) => kind switch
    {
        ReminderKind.DueSoon => "临期提醒",
        ReminderKind.DueToday => "到期提醒",
        ReminderKind.Overdue => "超期催办",
        ReminderKind.Escalation => "超期督办",
        ReminderKind.LongTermReview => "长期事项定期报告提醒",
        ReminderKind.LeaderDigest => "每周领导提醒",
        ReminderKind.ProgressDue => "进展报送提醒",
        ReminderKind.AcknowledgementDue => "签收提醒",
        ReminderKind.Request => "待办通知",
        ReminderKind.ManualChase => "催办",
        ReminderKind.Supervision => "督办通知",
        ReminderKind.Instruction => "领导批示",
        _ => kind.ToString(),
    };

    /// <summary>
    /// A weekly list tells a leader where things stand and a request or a 批示 asks for a step: none chases the item, so
    /// 催办次数 leaves them out.
    /// </summary>
    public static bool CountsAsChase(this ReminderKind kind) => kind is not (ReminderKind.LeaderDigest or ReminderKind.Request or ReminderKind.Instruction);
}
