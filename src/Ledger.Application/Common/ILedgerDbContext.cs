using Ledger.Application.Items;
using Ledger.Domain.Auditing;
using Ledger.Domain.Calendar;
using Ledger.Domain.Items;
using Ledger.Domain.Organisation;
using Ledger.Domain.Reminders;
using Ledger.Domain.Reports;
using Ledger.Domain.Rounds;
using Ledger.Domain.Settings;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Common;

/// <summary>
/// The ledger's data, as use cases see it: its sets and nothing else. No repositories: handlers query the sets directly.
/// Saving is the unit of work's alone (<see cref="IUnitOfWork"/>, docs/adr/0013), so a handler holding this cannot save,
/// open a transaction or reach the database around the pipeline.
/// </summary>
public interface ILedgerDbContext
{
    DbSet<InspectionRound> Rounds { get; }

    DbSet<RectificationItem> Items { get; }

    DbSet<Department> Departments { get; }

    DbSet<Person> People { get; }

    DbSet<AuditRecord> AuditRecords { get; }

    DbSet<SourceDocument> SourceDocuments { get; }

    DbSet<WorkflowSettings> WorkflowSettings { get; }

    DbSet<ReminderSettings> ReminderSettings { get; }

    DbSet<CalendarEntry> CalendarEntries { get; }

    DbSet<Reminder> Reminders { get; }

    DbSet<Notification> Notifications { get; }

    DbSet<EmailDigest> EmailDigests { get; }

    DbSet<ReminderScanDay> ReminderScanDays { get; }

    DbSet<SupervisionNotice> SupervisionNotices { get; }

    DbSet<RectificationReport> Reports { get; }

    DbSet<PublishedReport> PublishedReports { get; }

    /// <summary>Items' folded text as the full-text index holds it; read-only (<see cref="ItemSearch"/>).</summary>
    DbSet<ItemSearchEntry> ItemSearchEntries { get; }
}
