using System.Text.Json;
using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Domain.Auditing;
using Ledger.Domain.Common;
using Ledger.Domain.Items;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Auditing;

/// <summary>
/// The audit trail for the discipline supervisors (and the office and administrators): by user, by record (an
/// item's id), by action, by date range in China's dates; newest first.
/// </summary>
[Allowed(Roles.Supervisor, Roles.Office, Roles.Admin)]
public sealed record ListAuditRecordsQuery : IPagedQuery, IQuery<PagedResult<AuditRecordDto>>
{
    /// <summary>Who acted, as the record names them.</summary>
    public string? Actor { get; init; }

    /// <summary>The account that acted, whatever name it had: two accounts named alike stay apart.</summary>
    public Guid? ActorId { get; init; }

    /// <summary>The record acted on, e.g. an item's id.</summary>
    public Guid? EntityId { get; init; }

    public string? Action { get; init; }

    /// <summary>
    /// True: 时限调整, records that moved an item's deadline (责任分工 or an approved 延期 changing one already set); the
    /// first setting of a deadline is left out.
    /// </summary>
    public bool? DeadlineChanges { get; init; }

    public DateOnly? From { get; init; }

    /// <summary>Inclusive: the whole of this day counts.</summary>
    public DateOnly? To { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}

/// <param name="Changes">Each changed entity with its properties' before and after, as written in the same transaction.</param>
/// <param name="ActorId">The account that acted; null for the system and for a sign-in under a name no account has.</param>
/// <param name="Subject">对象 as read: an item's round, number and title (2024年三巡·第3项「…」), a department's name; null where unknown.</param>
/// <param name="Details"><paramref name="Changes"/> as supervisors read them: Chinese names of fields and kinds, names for ids.</param>
public sealed record AuditRecordDto(
    Guid Id,
    DateTime At,
    string Actor,
    Guid? ActorId,
    string Action,
    string ActionText,
    string EntityType,
    Guid EntityId,
    JsonElement Changes,
    string? Reason,
    string? Subject,
    IReadOnlyList<AuditChange> Details)
{
    /// <summary>The kind of record acted on, in Chinese: 整改事项, 部门…</summary>
    public string EntityTypeText => AuditChanges.EntityText(EntityType);
}

internal sealed class ListAuditRecordsQueryValidator : AbstractValidator<ListAuditRecordsQuery>
{
    public const int MaxPageSize = 500;

    public ListAuditRecordsQueryValidator()
    {
        RuleFor(x => x.Actor).MaximumLength(100);
        RuleFor(x => x.Action).MaximumLength(100);
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null).WithMessage("结束日期不能早于开始日期。");
        Include(new PageRules<ListAuditRecordsQuery>(MaxPageSize));
    }
}

internal sealed class ListAuditRecordsQueryHandler(ILedgerDbContext db) : IRequestHandler<ListAuditRecordsQuery, PagedResult<AuditRecordDto>>
{
    public async Task<PagedResult<AuditRecordDto>> Handle(ListAuditRecordsQuery request, CancellationToken cancellationToken)
    {
        var records = AuditFilter.Apply(db.AuditRecords.AsNoTracking(), request);
        var total = await records.CountAsync(cancellationToken);
        var page = await records.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize)
            .ToListAsync(cancellationToken);
        var names = await AuditNames.ReadAsync(db, page.Select(a => (a.Changes, a.EntityId)), cancellationToken);
        return new PagedResult<AuditRecordDto>(page.ConvertAll(a => AuditFilter.ToDto(a, names)), total, request.Page, request.PageSize);
    }
}

internal static class AuditFilter
{
    private static readonly string DeadlineChangedJson = $"\"Change\":{{\"From\":null,\"To\":\"{nameof(ItemChange.DeadlineChanged)}\"}}";

    private static readonly string FirstDeadlineJson = $"\"From\":{{\"From\":null,\"To\":\"{Deadline.NoneText}\"}}";

    public static IQueryable<AuditRecord> Apply(IQueryable<AuditRecord> records, ListAuditRecordsQuery q)
    {
        if (!string.IsNullOrWhiteSpace(q.Actor))
        {
            var actor = q.Actor.Trim();
            records = records.Where(a => a.Actor == actor);
        }

        if (q.ActorId is { } actorId)
        {
            records = records.Where(a => a.ActorId == actorId);
        }

        if (q.EntityId is { } entityId)
        {
            records = records.Where(a => a.EntityId == entityId);
        }

        if (!string.IsNullOrWhiteSpace(q.Action))
        {
            var action = q.Action.Trim();
            records = records.Where(a => a.Action == action);
        }

        // The history line a deadline's change writes, in the audit trail's JSON; a first deadline moves from 未设定.
        if (q.DeadlineChanges == true)
        {
            records = records.Where(a => a.Changes.Contains(DeadlineChangedJson) && !a.Changes.Contains(FirstDeadlineJson));
        }

        // Days are China's: 2025年1月16日 runs from 2025-01-15T16:00Z to 2025-01-16T16:00Z.
        if (q.From is { } from)
        {
            var start = ChinaCalendar.At(from, TimeOnly.MinValue).UtcDateTime;
            records = records.Where(a => a.At >= start);
        }

        if (q.To is { } to)
        {
            var end = ChinaCalendar.At(to.AddDays(1), TimeOnly.MinValue).UtcDateTime;
            records = records.Where(a => a.At < end);
        }

        return records;
    }

    public static AuditRecordDto ToDto(AuditRecord a, IReadOnlyDictionary<Guid, string> names)
    {
        using var changes = JsonDocument.Parse(a.Changes);
        var root = changes.RootElement.Clone();
        return new AuditRecordDto(
            a.Id, a.At, a.Actor, a.ActorId, a.Action, AuditActions.ToChinese(a.Action), a.EntityType, a.EntityId, root, a.Reason,
            names.GetValueOrDefault(a.EntityId), AuditChanges.Read(root, names));
    }
}
