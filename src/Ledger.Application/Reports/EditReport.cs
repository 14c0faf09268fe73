using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Domain.Reports;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Reports;

/// <summary>
/// The office writes the parts of a round's report that are people's words: part one (how the rectification was
/// organised) and part three (next steps), one paragraph per line; and, where the composed wording will not do, the
/// title, the opening, the three parts' headings, the closing and the signature. A blank part goes back to the ledger's
/// wording.
/// </summary>
/// <param name="Version">The draft's version as read; null while nothing has been written for the round.</param>
[Allowed(Roles.Office)]
public sealed record EditReportCommand(
    Guid RoundId,
    Guid? Version,
    string? Title,
    string? Opening,
    string? OrganisationHeading,
    string? Organisation,
    string? ProblemsHeading,
    string? NextStepsHeading,
    string? NextSteps,
    string? Closing,
    string? Signature) : ICommand<Saved>;

internal sealed class EditReportCommandValidator : AbstractValidator<EditReportCommand>
{
    public const int PartLength = 20_000;

    public EditReportCommandValidator()
    {
        RuleFor(x => x.RoundId).RequiredId();
        Text(x => x.Title, "标题", CommonRules.ShortText);
        Text(x => x.Opening, "开头段落", CommonRules.LongText);
        Text(x => x.OrganisationHeading, "第一部分标题", CommonRules.ShortText);
        Text(x => x.Organisation, "组织整改落实情况", PartLength);
        Text(x => x.ProblemsHeading, "第二部分标题", CommonRules.ShortText);
        Text(x => x.NextStepsHeading, "第三部分标题", CommonRules.ShortText);
        Text(x => x.NextSteps, "下一步工作安排", PartLength);
        Text(x => x.Closing, "结尾", CommonRules.LongText);
        Text(x => x.Signature, "落款", CommonRules.ShortText);
    }

    private void Text(System.Linq.Expressions.Expression<Func<EditReportCommand, string?>> part, string name, int maxLength) =>
        RuleFor(part).MaximumLength(maxLength).Must(ReportDates.IsDocumentText).WithName(name).WithMessage("“{PropertyName}”含有文档无法保存的字符。");
}

internal sealed class EditReportCommandHandler(ILedgerDbContext db, RequestContext context) : IRequestHandler<EditReportCommand, Saved>
{
    public async Task<Saved> Handle(EditReportCommand request, CancellationToken cancellationToken)
    {
        var stamp = context.Stamp();
        var draft = await RectificationReports.ForUpdateAsync(db, request.RoundId, request.Version, stamp, cancellationToken);
        draft.Write(new ReportParts(
            request.Title,
            request.Opening,
            request.OrganisationHeading,
            request.Organisation,
            request.ProblemsHeading,
            request.NextStepsHeading,
            request.NextSteps,
            request.Closing,
            request.Signature), stamp);
        return new Saved(draft.Id, draft.Version);
    }
}

internal static class RectificationReports
{
    /// <summary>
    /// The round's draft to change, refused when the version read is not the current one; created on the first write
    /// (the version read is then null).
    /// </summary>
    public static async Task<RectificationReport> ForUpdateAsync(
        ILedgerDbContext db, Guid roundId, Guid? version, Domain.Common.ChangeStamp stamp, CancellationToken cancellationToken)
    {
        var draft = await ReportComposer.DraftAsync(db.Reports, roundId, cancellationToken);
        if (draft is null)
        {
            if (!await db.Rounds.AnyAsync(r => r.Id == roundId, cancellationToken))
            {
                throw new NotFoundException("巡察轮次");
            }

            return db.Reports.Add(RectificationReport.Create(roundId, stamp)).Entity;
        }

        return draft.Version == version ? draft : throw new ConcurrencyConflictException(draft.Version);
    }
}
