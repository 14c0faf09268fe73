using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Domain.Settings;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Settings;

/// <summary>The office sets whether all leaders approve and the maximum number of extensions per item.</summary>
/// <param name="Version">The version read; null only when no settings were saved yet.</param>
[Allowed(Roles.Office)]
public sealed record UpdateWorkflowSettingsCommand(Guid? Version, bool AllLeadersApprove, int MaxExtensions) : ICommand<WorkflowSettingsDto>;

internal sealed class UpdateWorkflowSettingsCommandValidator : AbstractValidator<UpdateWorkflowSettingsCommand>
{
    public UpdateWorkflowSettingsCommandValidator() =>
        RuleFor(x => x.MaxExtensions).InclusiveBetween(0, 10).WithMessage("延期次数上限须在 0 到 10 次之间。");
}

internal sealed class UpdateWorkflowSettingsCommandHandler(ILedgerDbContext db, RequestContext context)
    : IRequestHandler<UpdateWorkflowSettingsCommand, WorkflowSettingsDto>
{
    public async Task<WorkflowSettingsDto> Handle(UpdateWorkflowSettingsCommand request, CancellationToken cancellationToken)
    {
        var stamp = context.Stamp();
        var settings = await db.WorkflowSettings.AnyAsync(cancellationToken)
            ? await db.WorkflowSettings.LoadForUpdateAsync(WorkflowSettings.SingletonId, request.Version ?? Guid.Empty, "流程设置", cancellationToken)
            : db.WorkflowSettings.Add(WorkflowSettings.Create(stamp)).Entity;
        settings.Change(request.AllLeadersApprove, request.MaxExtensions, stamp);
        return new WorkflowSettingsDto(settings.Version, settings.AllLeadersApprove, settings.MaxExtensions);
    }
}
