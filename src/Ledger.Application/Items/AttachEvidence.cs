using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Application.EvidenceFiles;
using Ledger.Domain.Items;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Items;

/// <summary>
/// 佐证材料: a file with a note, for the item or one of its measures. The file is streamed to the evidence store and
/// checked there (size, type from its bytes); if the command then fails the stored file is removed again.
/// </summary>
/// <param name="EffectiveDate">When the proof applies, e.g. the meeting's date; today when not given.</param>
[ItemStep(ItemAction.ChangeWork, ItemRight.SharedWork)]
[Allowed(Roles.Office, Roles.DepartmentHead, Roles.DepartmentStaff)]
public sealed record AttachEvidenceCommand(
    Guid Id, Guid Version, string FileName, Stream Content, Guid? MeasureId, string? Note, DateOnly? EffectiveDate) : IItemCommand;

internal sealed class AttachEvidenceCommandValidator : ItemCommandValidator<AttachEvidenceCommand>
{
    public AttachEvidenceCommandValidator()
    {
        RuleFor(x => x.FileName).Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("请选择要上传的文件。").OverridePropertyName("file");
        RuleFor(x => x.Note).OptionalText(1000);
    }
}

internal sealed class AttachEvidenceCommandHandler(ILedgerDbContext db, RequestContext context, IEvidenceStore store, Compensations compensations)
    : ItemCommandHandler<AttachEvidenceCommand>(db, context)
{
    protected override async Task ApplyAsync(RectificationItem item, AttachEvidenceCommand request, RequestContext context, CancellationToken cancellationToken)
    {
        if (request.MeasureId is { } measureId && item.Measures.All(m => m.Id != measureId))
        {
            throw new NotFoundException("整改措施");
        }

        var effectiveDate = request.EffectiveDate ?? context.Today;
        if (effectiveDate > context.Today)
        {
            throw FieldValidation.Error("effectiveDate", "材料日期不能晚于今天。");
        }

        var stored = await store.SaveAsync(request.Content, request.FileName, cancellationToken);
        if (stored.Created)
        {
            // Identical content is stored once: another upload committed meanwhile may already rely on this file.
            compensations.Add(async () =>
            {
                if (!await Db.Items.SelectMany(i => i.Evidence).AnyAsync(e => e.StorageKey == stored.StorageKey, CancellationToken.None))
                {
                    await store.DeleteAsync(stored.StorageKey, CancellationToken.None);
                }
            });
        }

        item.AttachEvidence(
            new EvidenceFile(stored.FileName, stored.Sha256, stored.SizeBytes, stored.StorageKey, stored.ContentType),
            request.MeasureId,
            request.Note,
            effectiveDate,
            context.Stamp());
    }

}
