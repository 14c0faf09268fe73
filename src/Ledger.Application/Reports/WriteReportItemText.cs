using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Domain.Items;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Reports;

/// <summary>
/// The office words one problem's 整改情况 for the report, one paragraph per line, instead of the text composed from its
/// measures and progress; a blank text goes back to the composed one. The ledger's own records are not changed.
/// </summary>
[Allowed(Roles.Office)]
public sealed record WriteReportItemTextCommand(Guid RoundId, Guid ItemId, Guid? Version, string? Text) : ICommand<Saved>;

internal sealed class WriteReportItemTextCommandValidator : AbstractValidator<WriteReportItemTextCommand>
{
    public WriteReportItemTextCommandValidator()
    {
        RuleFor(x => x.RoundId).RequiredId();
        RuleFor(x => x.ItemId).RequiredId().WithName("整改事项");
        RuleFor(x => x.Text).MaximumLength(EditReportCommandValidator.PartLength).Must(ReportDates.IsDocumentText)
            .WithName("整改情况").WithMessage("“{PropertyName}”含有文档无法保存的字符。");
    }
}

internal sealed class WriteReportItemTextCommandHandler(ILedgerDbContext db, RequestContext context) : IRequestHandler<WriteReportItemTextCommand, Saved>
{
    public async Task<Saved> Handle(WriteReportItemTextCommand request, CancellationToken cancellationToken)
    {
        // Only a problem of this round has a paragraph in its report.
        if (!await db.Items.AnyAsync(i => i.Id == request.ItemId && i.RoundId == request.RoundId && i.Kind == ItemKind.Feedback, cancellationToken))
        {
            throw new NotFoundException("整改事项");
        }

        var stamp = context.Stamp();
        var draft = await RectificationReports.ForUpdateAsync(db, request.RoundId, request.Version, stamp, cancellationToken);
        draft.WriteItemText(request.ItemId, request.Text, stamp);
        return new Saved(draft.Id, draft.Version);
    }
}
