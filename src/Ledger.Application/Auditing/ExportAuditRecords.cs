using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Auditing;

/// <summary>The audit trail with the list's filters, unpaged, as rows for a spreadsheet: what supervisors file with a case.</summary>
[Allowed(Roles.Supervisor, Roles.Office, Roles.Admin)]
public sealed record ExportAuditRecordsQuery(ListAuditRecordsQuery Filter) : IQuery<AuditSheet>;

public sealed record AuditSheet(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string?>> Rows, bool Truncated);

internal sealed class ExportAuditRecordsQueryHandler(ILedgerDbContext db, RequestContext context) : IRequestHandler<ExportAuditRecordsQuery, AuditSheet>
{
    /// <summary>A spreadsheet stays usable up to here; a longer trail is narrowed by date first.</summary>
    public const int MaxRows = 100_000;

    /// <summary>The account's id last: the name says who to a reader, the id tells two accounts of one name apart.</summary>
    private static readonly string[] Headers = ["时间", "操作人", "操作", "对象类型", "对象编号", "变更内容", "理由", "操作人账号"];

    public async Task<AuditSheet> Handle(ExportAuditRecordsQuery request, CancellationToken cancellationToken)
    {
        var records = await AuditFilter.Apply(db.AuditRecords.AsNoTracking(), request.Filter)
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .Take(MaxRows + 1)
            .Select(a => new { a.At, a.Actor, a.Action, a.EntityType, a.EntityId, a.Changes, a.Reason, a.ActorId })
            .ToListAsync(cancellationToken);
        var rows = records.Take(MaxRows)
            .Select(a => (IReadOnlyList<string?>)
            [
                ChinaCalendar.Format(new DateTimeOffset(a.At), seconds: true),
                a.Actor,
                AuditActions.ToChinese(a.Action),
                AuditChanges.EntityText(a.EntityType),
                a.EntityId.ToString(),
                a.Changes,
                a.Reason,
                a.ActorId?.ToString(),
            ])
            .ToList();
        var title = $"审计记录（导出时间 {ChinaCalendar.Format(context.Now)}，共{rows.Count}条{(records.Count > MaxRows ? $"，仅含前{MaxRows}条，请缩小日期范围" : string.Empty)}）";
        return new AuditSheet(title, Headers, rows, records.Count > MaxRows);
    }
}
