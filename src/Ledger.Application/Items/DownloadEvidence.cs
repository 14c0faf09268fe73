using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.EvidenceFiles;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Items;

/// <summary>An evidence file, to anyone who sees its item, under the name it was uploaded with; withdrawn evidence too.</summary>
[Allowed(Roles.Anyone)]
public sealed record DownloadEvidenceQuery(Guid ItemId, Guid EvidenceId) : IQuery<EvidenceDownload>;

/// <summary>The caller disposes <see cref="Content"/>.</summary>
public sealed record EvidenceDownload(string FileName, string ContentType, string Sha256, long SizeBytes, Stream Content);

internal sealed class DownloadEvidenceQueryHandler(ILedgerDbContext db, RequestContext context, IEvidenceStore store)
    : IRequestHandler<DownloadEvidenceQuery, EvidenceDownload>
{
    public async Task<EvidenceDownload> Handle(DownloadEvidenceQuery request, CancellationToken cancellationToken)
    {
        var file = await db.Items.AsNoTracking().VisibleTo(context.User)
            .Where(i => i.Id == request.ItemId)
            .SelectMany(i => i.Evidence)
            .Where(e => e.Id == request.EvidenceId)
            .Select(e => new { e.FileName, e.ContentType, e.Sha256, e.SizeBytes, e.StorageKey })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("佐证材料");
        return new EvidenceDownload(file.FileName, file.ContentType, file.Sha256, file.SizeBytes, store.OpenRead(file.StorageKey));
    }
}
