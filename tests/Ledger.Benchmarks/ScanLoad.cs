using System.Diagnostics;
using Ledger.Application;
using Ledger.Application.Common;
using Ledger.Application.Reminders;
using Ledger.Infrastructure;
using Ledger.Infrastructure.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ledger.Benchmarks;

/// <summary>
/// `scan &lt;folder&gt; &lt;day&gt;...`: the reminder scan and delivery as the job sends them, on a ledger written by `seed`, timed
/// per day. One run of a whole scan is the figure that matters, so this is a stopwatch, not BenchmarkDotNet.
/// </summary>
internal static class ScanLoad
{
    public static async Task RunAsync(string folder, IEnumerable<DateOnly> days)
    {
        // The scan runs as the system, the user the pipeline's ICurrentUser resolves last.
        await using var services = BenchmarkPipeline.Build(folder, s => s
            .AddLogging(b => b.AddProvider(Durations))
            .AddSingleton<ICurrentUser, System>()
            .AddSingleton(new ReminderOptions()));

        foreach (var day in days)
        {
            Durations.Clear();
            var clock = Stopwatch.StartNew();
            ReminderScanResult scan;
            await using (var scanning = services.CreateAsyncScope())
            {
                scan = await scanning.ServiceProvider.GetRequiredService<ReminderScan>().RunAsync(day, CancellationToken.None);
            }

            var scanned = clock.Elapsed;
            var delivery = await SendAsync(services, new DeliverNotificationsCommand());
            while (await SendAsync(services, new DeliverNotificationsCommand()) is { Delivered: > 0 } more)
            {
                delivery = delivery with { Delivered = delivery.Delivered + more.Delivered, Cancelled = delivery.Cancelled + more.Cancelled };
            }

            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            var total = await db.Reminders.CountAsync();
            Console.WriteLine(
                $"{day:yyyy-MM-dd}: {scan.ItemsScanned} items scanned, {scan.RemindersCreated} reminders in {scan.NotificationsCreated} messages " +
                $"in {scanned.TotalSeconds:F2} s (plan {Durations.Of("PlanRemindersQuery").Sum():F0} ms; {Durations.Of("RecordRemindersCommand").Count()} recording transactions, " +
                $"longest {Durations.Of("RecordRemindersCommand").DefaultIfEmpty().Max():F0} ms); " +
                $"{delivery.Delivered} delivered in {(clock.Elapsed - scanned).TotalSeconds:F2} s; {total} reminders stored");
            Console.WriteLine($"  messages by role: {await MessagesByRoleAsync(db, scope.ServiceProvider.GetRequiredService<IReminderRecipients>(), day)}");
        }
    }

    /// <summary>What each role's inboxes received for the day: messages, recipients and the most one person got.</summary>
    private static async Task<string> MessagesByRoleAsync(LedgerDbContext db, IReminderRecipients recipients, DateOnly day)
    {
        var directory = await recipients.LoadAsync(CancellationToken.None);
        var perRecipient = await db.Notifications.Where(n => n.Day == day).GroupBy(n => n.RecipientUserId)
            .Select(g => new { User = g.Key, Messages = g.Count() }).ToListAsync();
        var byRole = perRecipient
            .GroupBy(r => directory.Find(r.User)?.Roles.FirstOrDefault() ?? "?")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Sum(r => r.Messages)} to {g.Count()} (at most {g.Max(r => r.Messages)} each)");
        return string.Join("; ", byRole);
    }

    private static readonly RequestDurations Durations = new();

    private static async Task<T> SendAsync<T>(IServiceProvider services, IRequest<T> request)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    private sealed class System : ICurrentUser
    {
        public string Name => "系统提醒";

        public Guid? UserId => null;

        public IReadOnlyCollection<string> Roles => [];

        public Guid? DepartmentId => null;

        public Guid? PersonId => null;

        public bool IsSystem => true;
    }

    /// <summary>The pipeline's own timings of each request, read from its log: how long each transaction held the database.</summary>
    private sealed class RequestDurations : ILoggerProvider, ILogger
    {
        private readonly List<(string Request, double Ms)> _seen = [];

        public void Clear() => _seen.Clear();

        public IEnumerable<double> Of(string request) => _seen.Where(s => s.Request == request).Select(s => s.Ms);

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values
                && values.FirstOrDefault(v => v.Key == "Request").Value is string request
                && values.FirstOrDefault(v => v.Key == "ElapsedMs").Value is double ms)
            {
                _seen.Add((request, ms));
            }
        }

        public void Dispose()
        {
        }
    }
}
