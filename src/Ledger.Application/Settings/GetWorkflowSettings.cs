using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Settings;

/// <summary>How the office runs the workflow: who approves, how many extensions an item may get.</summary>
[Allowed(Roles.Anyone)]
public sealed record GetWorkflowSettingsQuery : IQuery<WorkflowSettingsDto>;

internal sealed class GetWorkflowSettingsQueryHandler(ILedgerDbContext db) : IRequestHandler<GetWorkflowSettingsQuery, WorkflowSettingsDto>
{
    public async Task<WorkflowSettingsDto> Handle(GetWorkflowSettingsQuery request, CancellationToken cancellationToken) =>
        await db.WorkflowSettings.AsNoTracking()
            .Select(s => new WorkflowSettingsDto(s.Version, s.AllLeadersApprove, s.MaxExtensions))
            .FirstOrDefaultAsync(cancellationToken)
        ?? new WorkflowSettingsDto(null, false, Domain.Settings.WorkflowSettings.DefaultMaxExtensions);
}
