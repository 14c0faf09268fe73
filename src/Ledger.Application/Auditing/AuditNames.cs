using System.Text.Json;
using Ledger.Application.Common;
using Ledger.Application.Rounds;
using Ledger.Domain.Rounds;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Auditing;

/// <summary>
/// What the ids an audit record holds stand for, as supervisors read them: a department's or a person's name, an item's
/// tag and title (2024年三巡·第3项「…」), a round's short name, an aspect's title, a measure's number. The record keeps
/// the ids; names are looked up when it is read, so a renamed department reads under its current name.
/// </summary>
internal static class AuditNames
{
    /// <summary>Ids a query names at most: an import's record can hold thousands, every provider takes this many.</summary>
    private const int IdsPerQuery = 500;

    public static async Task<IReadOnlyDictionary<Guid, string>> ReadAsync(
        ILedgerDbContext db, IEnumerable<(string Changes, Guid EntityId)> records, CancellationToken cancellationToken)
    {
        var ids = new HashSet<Guid>();
        foreach (var (changes, entityId) in records)
        {
            ids.Add(entityId);
            Collect(changes, ids);
        }

        ids.Remove(Guid.Empty);
        var names = new Dictionary<Guid, string>();
        if (ids.Count == 0)
        {
            return names;
        }

        var rounds = await RoundTagNames.ReadAsync(db, cancellationToken);
        foreach (var (id, name) in rounds.Where(r => ids.Contains(r.Key)))
        {
            names[id] = name;
        }

        foreach (var chunk in ids.Chunk(IdsPerQuery))
        {
            foreach (var d in await db.Departments.AsNoTracking().Where(d => chunk.Contains(d.Id)).Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken))
            {
                names[d.Id] = d.Name;
            }

            foreach (var p in await db.People.AsNoTracking().Where(p => chunk.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken))
            {
                names[p.Id] = p.Name;
            }

            foreach (var a in await db.Rounds.AsNoTracking().SelectMany(r => r.Aspects).Where(a => chunk.Contains(a.Id)).Select(a => new { a.Id, a.Title }).ToListAsync(cancellationToken))
            {
                names[a.Id] = a.Title;
            }

            var items = await db.Items.AsNoTracking().Where(i => chunk.Contains(i.Id)).Select(i => new { i.Id, i.RoundId, i.Kind, i.Number, i.Title }).ToListAsync(cancellationToken);
            foreach (var i in items)
            {
                names[i.Id] = $"{RoundTag.Of(rounds.GetValueOrDefault(i.RoundId, string.Empty), i.Kind, i.Number)}「{i.Title}」";
            }

            foreach (var m in await db.Items.AsNoTracking().SelectMany(i => i.Measures).Where(m => chunk.Contains(m.Id)).Select(m => new { m.Id, m.Sequence }).ToListAsync(cancellationToken))
            {
                names[m.Id] = $"措施{m.Sequence}";
            }
        }

        return names;
    }

    // Ids stand as the values of fields named …Id and as each changed record's own id.
    private static void Collect(string changes, HashSet<Guid> ids)
    {
        using var document = JsonDocument.Parse(changes);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var change in document.RootElement.EnumerateArray())
        {
            if (change.TryGetProperty("Id", out var id) && id.TryGetGuid(out var own))
            {
                ids.Add(own);
            }

            if (!change.TryGetProperty("Values", out var values) || values.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var value in values.EnumerateObject().Where(v => v.Name.EndsWith("Id", StringComparison.Ordinal) && v.Value.ValueKind == JsonValueKind.Object))
            {
                foreach (var side in value.Value.EnumerateObject())
                {
                    if (side.Value.ValueKind == JsonValueKind.String && Guid.TryParse(side.Value.GetString(), out var guid))
                    {
                        ids.Add(guid);
                    }
                }
            }
        }
    }
}
