using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Ledger.Application.Common;
using Ledger.Domain.Auditing;
using Ledger.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Ledger.Infrastructure.Persistence;

/// <summary>
/// Turns the change tracker's pending changes into one <see cref="AuditRecord"/> per command, so the
/// record always says exactly what was written: nothing a handler forgot to describe can slip past it.
/// </summary>
internal sealed class AuditTrail(LedgerDbContext db, ICurrentUser user, TimeProvider clock) : IAuditTrail
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Account secrets: the record says they changed, never what they are.</summary>
    private static readonly HashSet<string> Secrets = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp"];

    public void Record(string action, string? reason)
    {
        var entries = Pending();
        if (entries.Count > 0)
        {
            Add(action, reason, entries.FirstOrDefault(e => e.Entity is AggregateRoot) ?? entries[0], entries);
        }
    }

    public void RecordEach(string action, string? reason)
    {
        var entries = Pending();
        var roots = entries.Where(e => e.Entity is AggregateRoot).ToList();
        if (roots.Count == 0)
        {
            Record(action, reason);
            return;
        }

        // A part belongs to the aggregate its foreign key names; anything else goes with the first.
        var byRoot = entries.Except(roots).ToLookup(e => OwnerKey(e, roots) ?? KeyOf(roots[0]));
        foreach (var root in roots)
        {
            Add(action, reason, root, [root, .. byRoot[KeyOf(root)]]);
        }
    }

    private List<EntityEntry> Pending()
    {
        db.ChangeTracker.DetectChanges();
        return db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not AuditRecord)
            .ToList();
    }

    private static Guid? OwnerKey(EntityEntry entry, List<EntityEntry> roots) =>
        entry.Metadata.GetForeignKeys()
            .Where(fk => fk.Properties.Count == 1 && roots.Exists(r => r.Metadata.ClrType == fk.PrincipalEntityType.ClrType))
            .Select(fk => entry.Property(fk.Properties[0].Name).CurrentValue as Guid?)
            .FirstOrDefault(id => id is not null);

    private void Add(string action, string? reason, EntityEntry root, List<EntityEntry> entries)
    {
        var changes = entries.Where(e => e.Entity is not IRecordOfItself).Select(Describe)
            .Concat(entries.Where(e => e.Entity is IRecordOfItself).GroupBy(e => (e.Metadata.ClrType.Name, e.State)).Select(Count))
            .ToList();
        db.AuditRecords.Add(new AuditRecord(
            clock.GetUtcNow().UtcDateTime,
            user.Name,
            user.UserId,
            action,
            root.Metadata.ClrType.Name,
            KeyOf(root),
            JsonSerializer.Serialize(changes, Json),
            reason));
    }

    private static EntityChange Describe(EntityEntry entry)
    {
        var values = new Dictionary<string, ValueChange>();
        foreach (var property in entry.Properties)
        {
            if (entry.State == EntityState.Modified && !property.IsModified)
            {
                continue;
            }

            var before = entry.State == EntityState.Added ? null : property.OriginalValue;
            var after = entry.State == EntityState.Deleted ? null : property.CurrentValue;
            if (!Equals(before, after))
            {
                values[property.Metadata.Name] = Secrets.Contains(property.Metadata.Name)
                    ? new ValueChange(null, "（已更改）")
                    : new ValueChange(Format(before), Format(after));
            }
        }

        return new EntityChange(entry.Metadata.ClrType.Name, KeyOf(entry), entry.State.ToString(), values);
    }

    private static EntityChange Count(IGrouping<(string Entity, EntityState State), EntityEntry> entries) => new(
        entries.Key.Entity,
        Guid.Empty,
        entries.Key.State.ToString(),
        new Dictionary<string, ValueChange> { ["Count"] = new(null, entries.Count().ToString(System.Globalization.CultureInfo.InvariantCulture)) });

    private static Guid KeyOf(EntityEntry entry) =>
        entry.Metadata.FindPrimaryKey()?.Properties is [var key] && entry.Property(key.Name).CurrentValue is Guid id ? id : Guid.Empty;

    private static string? Format(object? value) => value switch
    {
        null => null,
        // A rowversion is shown as is; a stored file is named by its size and hash, not copied into the record.
        byte[] { Length: <= 32 } bytes => Convert.ToHexString(bytes),
        byte[] bytes => $"{bytes.Length} bytes, SHA-256 {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))}",
        DateTime at => at.ToString("O"),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private sealed record EntityChange(string Entity, Guid Id, string State, IReadOnlyDictionary<string, ValueChange> Values);

    private sealed record ValueChange(string? From, string? To);
}
