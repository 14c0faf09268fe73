using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Domain.Items;
using Ledger.Domain.Settings;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Settings;

/// <summary>The office sets the reminder offsets and the escalation chain (责任人 → 责任领导 → 主要负责人).</summary>
/// <param name="Version">The version read; null only when no settings were saved yet.</param>
[Allowed(Roles.Office)]
public sealed record UpdateReminderSettingsCommand(
    Guid? Version,
    IReadOnlyList<int> DueSoonOffsets,
    int EscalateAfterOverdueDays,
    int? PrincipalAfterOverdueDays,
    Guid? PrincipalLeaderPersonId,
    int LongTermReviewMonths,
    DayOfWeek LeaderDigestDay,
    DayOfWeek ProgressReminderDay,
    int ProgressStaleDays,
    bool RemindOnNonWorkingDays,
    int DueSoonWorkingDays = DeadlineWarnings.DefaultDueSoonWorkingDays) : ICommand<ReminderSettingsDto>;

internal sealed class UpdateReminderSettingsCommandValidator : AbstractValidator<UpdateReminderSettingsCommand>
{
    public UpdateReminderSettingsCommandValidator(ILedgerDbContext db)
    {
        RuleFor(x => x.DueSoonOffsets).NotNull().WithMessage("请填写提前提醒的工作日数。")
            .Must(o => o.Count <= 5).WithMessage("提前提醒至多设置 5 个时点。");
        RuleForEach(x => x.DueSoonOffsets).InclusiveBetween(1, 30).WithMessage("提前提醒的工作日数须在 1 到 30 之间。");
        RuleFor(x => x.EscalateAfterOverdueDays).InclusiveBetween(1, 60).WithMessage("超期提醒责任领导的工作日数须在 1 到 60 之间。");
        RuleFor(x => x.PrincipalAfterOverdueDays)
            .Must((x, days) => days is null || (days > x.EscalateAfterOverdueDays && days <= 120))
            .WithMessage("提醒主要负责人的超期工作日数须大于提醒责任领导的天数，且不超过 120。");
        RuleFor(x => x.PrincipalLeaderPersonId)
            .NotNull().When(x => x.PrincipalAfterOverdueDays is not null).WithMessage("请选择主要负责人。")
            .MustAsync(async (id, ct) => id is null || await db.People.AnyAsync(p => p.Id == id && p.IsActive && p.IsLeader, ct))
            .WithMessage("主要负责人须是在职的领导。");
        RuleFor(x => x.LongTermReviewMonths).InclusiveBetween(1, 12).WithMessage("长期坚持事项的提醒周期须在 1 到 12 个月之间。");
        RuleFor(x => x.LeaderDigestDay).IsInEnum().WithMessage("请选择星期几。");
        RuleFor(x => x.ProgressReminderDay).IsInEnum().WithMessage("请选择星期几。");
        RuleFor(x => x.ProgressStaleDays).InclusiveBetween(1, 60).WithMessage("未报送进展的天数须在 1 到 60 之间。");
        RuleFor(x => x.DueSoonWorkingDays).InclusiveBetween(0, 30).WithMessage("临期（黄）的工作日数须在 0 到 30 之间。");
    }
}

internal sealed class UpdateReminderSettingsCommandHandler(ILedgerDbContext db, RequestContext context)
    : IRequestHandler<UpdateReminderSettingsCommand, ReminderSettingsDto>
{
    public async Task<ReminderSettingsDto> Handle(UpdateReminderSettingsCommand request, CancellationToken cancellationToken)
    {
        var stamp = context.Stamp();
        var settings = await db.ReminderSettings.AnyAsync(cancellationToken)
            ? await db.ReminderSettings.LoadForUpdateAsync(ReminderSettings.SingletonId, request.Version ?? Guid.Empty, "提醒设置", cancellationToken)
            : db.ReminderSettings.Add(ReminderSettings.Create(stamp)).Entity;
        settings.Change(
            new ReminderRules(
                request.DueSoonOffsets,
                request.EscalateAfterOverdueDays,
                request.PrincipalAfterOverdueDays,
                request.PrincipalLeaderPersonId,
                request.LongTermReviewMonths,
                request.LeaderDigestDay,
                request.ProgressReminderDay,
                request.ProgressStaleDays,
                request.RemindOnNonWorkingDays,
                request.DueSoonWorkingDays),
            stamp);
        return await settings.ToDtoAsync(db, saved: true, cancellationToken);
    }
}
