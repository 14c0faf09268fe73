using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Application.Items;
using Ledger.Domain.Common;
using Ledger.Domain.Items;
using Ledger.Domain.Reminders.Rules;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Reminders;

/// <summary>督办通知 for every overdue item a department leads: one numbered 督办单 listing them, most overdue first.</summary>
[Allowed(Roles.Office)]
public sealed record SuperviseDepartmentCommand(Guid DepartmentId, DateOnly ReplyBy, string? Requirement) : ICommand<SupervisionNoticeDto>;

internal sealed class SuperviseDepartmentCommandValidator : AbstractValidator<SuperviseDepartmentCommand>
{
    public SuperviseDepartmentCommandValidator(RequestContext context)
    {
        RuleFor(x => x.DepartmentId).RequiredId();
        RuleFor(x => x.ReplyBy).Must(d => d > context.Today).WithMessage("报送期限须晚于今天。");
        RuleFor(x => x.Requirement).OptionalText();
    }
}

internal sealed class SuperviseDepartmentCommandHandler(ILedgerDbContext db, RequestContext context, SupervisionDesk desk)
    : IRequestHandler<SuperviseDepartmentCommand, SupervisionNoticeDto>
{
    public async Task<SupervisionNoticeDto> Handle(SuperviseDepartmentCommand request, CancellationToken cancellationToken)
    {
        if (!await db.Departments.AnyAsync(d => d.Id == request.DepartmentId, cancellationToken))
        {
            throw new NotFoundException("部门");
        }

        var today = context.Today;
        var overdue = await db.Items.ForUpdate()
            .Where(i => i.LeadDepartmentId == request.DepartmentId)
            .Where(DeadlineWarnings.OverdueOn(today))
            .ToListAsync(cancellationToken);
        BusinessRules.Check(new SupervisionNeedsOverdueItems(overdue.Count));
        return SupervisionDesk.Dto(await desk.IssueAsync(overdue, request.DepartmentId, request.ReplyBy, request.Requirement, cancellationToken));
    }
}
