using Ledger.Application.Items;
using Ledger.Domain.Items;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Ledger.Infrastructure.Persistence.Search;

/// <summary>
/// Writes each item's folded search document (<see cref="ItemSearch"/>): in the save that changes its title, description,
/// a measure or a progress report, and once for items saved before the document held measures and reports.
/// </summary>
internal static class SearchDocuments
{
    /// <summary>
    /// Rewrites the documents of the items whose searched text this save changes; a save that changes none of it (a status,
    /// a deadline, evidence) reads nothing. Children the save does not carry are read from the database, a column or two of
    /// the changed items' rows, unless the aggregate was loaded with them.
    /// </summary>
    public static async Task KeepCurrentAsync(LedgerDbContext db, CancellationToken cancellationToken)
    {
        var tracker = db.ChangeTracker;
        var items = tracker.Entries<RectificationItem>().Where(e => e.State != EntityState.Deleted).ToDictionary(e => e.Entity.Id);
        var changed = new HashSet<Guid>();
        foreach (var entry in items.Values)
        {
            if (entry.State == EntityState.Added || IsModified(entry, nameof(RectificationItem.Title), nameof(RectificationItem.Description)))
            {
                changed.Add(entry.Entity.Id);
            }
        }

        var measures = tracker.Entries<Measure>().ToList();
        var reports = tracker.Entries<ProgressReport>().ToList();
        changed.UnionWith(measures.Where(e => e.State is EntityState.Added or EntityState.Deleted || IsModified(e, nameof(Measure.Text))).Select(e => e.Entity.ItemId));
        changed.UnionWith(reports.Where(e => e.State is EntityState.Added or EntityState.Deleted
            || IsModified(e, nameof(ProgressReport.Progress), nameof(ProgressReport.NextSteps), nameof(ProgressReport.Problems))).Select(e => e.Entity.ItemId));
        changed.IntersectWith(items.Keys);
        if (changed.Count == 0)
        {
            return;
        }

        var unread = changed.Where(id => items[id].State != EntityState.Added
            && !(items[id].Collection(i => i.Measures).IsLoaded && items[id].Collection(i => i.ProgressReports).IsLoaded)).ToList();
        var stored = await StoredChildrenAsync(db, unread, cancellationToken);
        foreach (var id in changed)
        {
            // What this save carries wins over what is stored; what it deletes is gone.
            var itemMeasures = stored.Measures.Where(m => m.ItemId == id).ToDictionary(m => m.Id);
            var itemReports = stored.Reports.Where(r => r.ItemId == id).ToDictionary(r => r.Id);
            foreach (var entry in measures.Where(e => e.Entity.ItemId == id))
            {
                Merge(itemMeasures, entry, entry.Entity.Id, () => new StoredMeasure(entry.Entity.Id, id, entry.Entity.Sequence, entry.Entity.Text));
            }

            foreach (var entry in reports.Where(e => e.Entity.ItemId == id))
            {
                var r = entry.Entity;
                Merge(itemReports, entry, r.Id, () => new StoredReport(r.Id, id, r.ReportDate, r.RecordedAt, r.Progress, r.NextSteps, r.Problems));
            }

            var item = items[id].Entity;
            var document = DocumentOf(item.Title, item.Description, itemMeasures.Values, itemReports.Values);
            var column = items[id].Property<string?>(ItemSearch.Column);
            if (column.CurrentValue != document)
            {
                column.CurrentValue = document;
            }
        }
    }

    /// <summary>
    /// Gives a document to every item without one (saved before documents held measures and reports), a batch at a time.
    /// Derived, not a change: nothing to audit or version. Returns how many items it wrote.
    /// </summary>
    public static async Task<int> FillAsync(LedgerDbContext db, CancellationToken cancellationToken)
    {
        // The ids first, then their rows by key: a scan for the next rows still without one would pass over all the rows
        // already written, again for every batch.
        var pending = await db.Items.AsNoTracking().Where(i => EF.Property<string?>(i, ItemSearch.Column) == null).Select(i => i.Id).ToListAsync(cancellationToken);
        foreach (var ids in pending.Chunk(500))
        {
            var batch = await db.Items.AsNoTracking()
                .Where(i => ids.Contains(i.Id))
                .Select(i => new { i.Id, i.Title, i.Description })
                .ToListAsync(cancellationToken);
            var stored = await StoredChildrenAsync(db, [.. ids], cancellationToken);
            var measures = stored.Measures.ToLookup(m => m.ItemId);
            var reports = stored.Reports.ToLookup(r => r.ItemId);

            // One transaction a batch: a commit per row would take SQLite's disk sync 200,000 times on a large ledger.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                foreach (var item in batch)
                {
                    var document = DocumentOf(item.Title, item.Description, measures[item.Id], reports[item.Id]);
                    await db.Items.Where(i => i.Id == item.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(i => EF.Property<string?>(i, ItemSearch.Column), document), cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            });
        }

        return pending.Count;
    }

    private static string DocumentOf(string title, string description, IEnumerable<StoredMeasure> measures, IEnumerable<StoredReport> reports) =>
        ItemSearch.DocumentOf(
            title,
            description,
            measures.OrderBy(m => m.Sequence).Select(m => m.Text),
            reports.OrderBy(r => r.ReportDate).ThenBy(r => r.RecordedAt).Select(r => ItemSearch.ReportText(r.Progress, r.NextSteps, r.Problems)));

    private static bool IsModified(EntityEntry entry, params string[] properties) =>
        entry.State == EntityState.Modified && properties.Any(p => entry.Property(p).IsModified);

    private static void Merge<T>(Dictionary<Guid, T> children, EntityEntry entry, Guid id, Func<T> current)
    {
        if (entry.State == EntityState.Deleted)
        {
            children.Remove(id);
        }
        else
        {
            children[id] = current();
        }
    }

    private static async Task<(List<StoredMeasure> Measures, List<StoredReport> Reports)> StoredChildrenAsync(
        LedgerDbContext db, List<Guid> itemIds, CancellationToken cancellationToken)
    {
        if (itemIds.Count == 0)
        {
            return ([], []);
        }

        var measures = await db.Set<Measure>().AsNoTracking().Where(m => itemIds.Contains(m.ItemId))
            .Select(m => new StoredMeasure(m.Id, m.ItemId, m.Sequence, m.Text)).ToListAsync(cancellationToken);
        var reports = await db.Set<ProgressReport>().AsNoTracking().Where(r => itemIds.Contains(r.ItemId))
            .Select(r => new StoredReport(r.Id, r.ItemId, r.ReportDate, r.RecordedAt, r.Progress, r.NextSteps, r.Problems)).ToListAsync(cancellationToken);
        return (measures, reports);
    }

    private sealed record StoredMeasure(Guid Id, Guid ItemId, int Sequence, string Text);

    private sealed record StoredReport(Guid Id, Guid ItemId, DateOnly ReportDate, DateTime RecordedAt, string Progress, string? NextSteps, string? Problems);
}
