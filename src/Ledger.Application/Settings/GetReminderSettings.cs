using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Domain.Settings;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Settings;

/// <summary>提醒设置: when reminders go out and how far overdue items escalate.</summary>
[Allowed(Roles.Office, Roles.Admin, Roles.Leader, Roles.Supervisor)]
public sealed record GetReminderSettingsQuery : IQuery<ReminderSettingsDto>;

/// <param name="Version">Null while the office has not saved settings and the defaults apply.</param>
public sealed record ReminderSettingsDto(
    Guid? Version,
    IReadOnlyList<int> DueSoonOffsets,
    int EscalateAfterOverdueDays,
    int? PrincipalAfterOverdueDays,
    Guid? PrincipalLeaderPersonId,
    string? PrincipalLeaderName,
    int LongTermReviewMonths,
    DayOfWeek LeaderDigestDay,
    DayOfWeek ProgressReminderDay,
    int ProgressStaleDays,
    bool RemindOnNonWorkingDays,
    int DueSoonWorkingDays,
    string Summary);

internal sealed class GetReminderSettingsQueryHandler(ILedgerDbContext db) : IRequestHandler<GetReminderSettingsQuery, ReminderSettingsDto>
{
    public async Task<ReminderSettingsDto> Handle(GetReminderSettingsQuery request, CancellationToken cancellationToken)
    {
        var settings = await db.ReminderSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return await settings.ToDtoAsync(db, saved: settings is not null, cancellationToken);
    }
}

internal static class ReminderSettingsReading
{
    public static async Task<ReminderSettings> CurrentReminderSettingsAsync(this ILedgerDbContext db, CancellationToken cancellationToken) =>
        await db.ReminderSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? ReminderSettings.Defaults();

    public static async Task<ReminderSettingsDto> ToDtoAsync(this ReminderSettings? settings, ILedgerDbContext db, bool saved, CancellationToken cancellationToken)
    {
        var rules = (settings ?? ReminderSettings.Defaults()).Rules;
        var principal = rules.PrincipalLeaderPersonId is { } id
            ? await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new(
            saved ? settings!.Version : null,
            rules.DueSoonOffsets,
            rules.EscalateAfterOverdueDays,
            rules.PrincipalAfterOverdueDays,
            rules.PrincipalLeaderPersonId,
            principal,
            rules.LongTermReviewMonths,
            rules.LeaderDigestDay,
            rules.ProgressReminderDay,
            rules.ProgressStaleDays,
            rules.RemindOnNonWorkingDays,
            rules.DueSoonWorkingDays,
            Describe(rules, principal));
    }

    /// <summary>The settings in one sentence, as the office reads them back.</summary>
    private static string Describe(ReminderRules rules, string? principal)
    {
        // The defaults name days for the 主要负责人 but nobody: say so, or the office reads a chain that stops short as complete.
        var chain = $"超期{rules.EscalateAfterOverdueDays}个工作日提醒责任领导和整改办" + (rules.PrincipalAfterOverdueDays, principal) switch
        {
            ({ } days, { } name) => $"，超期{days}个工作日提醒主要负责人{name}",
            ({ } days, null) => $"（尚未指定主要负责人，超期{days}个工作日的提醒无人接收）",
            _ => string.Empty,
        };
        return $"整改时限前{string.Join("、", rules.DueSoonOffsets)}个工作日和到期当天提醒责任人和部门负责人；超期后每个工作日提醒责任人；{chain}；"
               + $"每周{Weekday(rules.LeaderDigestDay)}向领导发送超期和临期事项清单；每周{Weekday(rules.ProgressReminderDay)}提醒{rules.ProgressStaleDays}天未报送进展的部门；"
               + $"长期坚持事项每{rules.LongTermReviewMonths}个月提醒报送进展；{rules.DueSoonWorkingDays}个工作日内到期的事项标为临期（黄）；{(rules.RemindOnNonWorkingDays ? "节假日照常提醒" : "节假日和周末不提醒")}。";
    }

    private static string Weekday(DayOfWeek day) => "日一二三四五六"[(int)day].ToString();
}
