using Ledger.Application.Common.Exceptions;
using Ledger.Application.Reminders;
using Ledger.Infrastructure.Persistence;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Web.Tests.Api;

/// <summary>
/// Two scans recording the same day's reminders, both past their check for what is recorded already before either
/// saves: the race a second job server or a re-run makes. One records; the other changes nothing, on every provider.
/// </summary>
public sealed class ReminderRaceTests : IDisposable
{
    private readonly RacingFactory _factory = new();

    public void Dispose()
    {
        _factory.Dispose();
        _factory.Gate.Dispose();
    }

    [Fact]
    public async Task Two_scans_recording_the_same_day_at_once_leave_each_person_one_message()
    {
        var scene = await ReminderScene.CreateAsync(_factory);
        for (var i = 1; i <= 6; i++)
        {
            await scene.ItemDueAsync($"事项{i}", i % 2 == 0 ? "2025-01-10" : "2025-01-20");
        }

        await scene.AtAsync(new DateOnly(2025, 1, 16));
        var plan = await scene.SendAsync(new PlanRemindersQuery());
        Assert.NotEmpty(plan.Messages);

        _factory.Gate.Armed = true;
        var racers = Enumerable.Range(0, 2)
            .Select(_ => Task.Run(() => scene.SendAsync(new RecordRemindersCommand(plan.Day, plan.Messages, CompletesDay: true))))
            .ToList();
        await Task.WhenAll(racers).ContinueWith(_ => { }, TaskScheduler.Default);

        Assert.Equal(2, _factory.Gate.Passed);
        var recorded = Assert.Single(racers, r => r.IsCompletedSuccessfully);
        Assert.IsType<ConcurrencyConflictException>(Assert.Single(racers, r => r.IsFaulted).Exception!.InnerException);
        Assert.Equal(plan.Messages.Count, (await recorded).Messages);

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var messages = await db.Notifications.Select(n => new { n.RecipientUserId, n.Kind, n.ItemId, n.Day }).ToListAsync();
        Assert.Equal(
            plan.Messages.Select(m => (m.RecipientUserId, m.Kind, m.ItemId)).Order(),
            messages.Select(m => (m.RecipientUserId, m.Kind, m.ItemId)).Order());
        Assert.Equal(plan.Messages.Sum(m => m.Reminders.Count), await db.Reminders.CountAsync());
        Assert.Equal(1, await db.ReminderScanDays.CountAsync(d => d.Day == plan.Day));
    }

    /// <summary>The host with <see cref="RaceGate{TRequest,TResponse}"/> innermost in the pipeline.</summary>
    private sealed class RacingFactory : LedgerApiFactory
    {
        public RaceGate Gate { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddSingleton(Gate);
                services.AddScoped(typeof(IPipelineBehavior<,>), typeof(RaceGate<,>));
            });
        }
    }

    /// <summary>Holds each recording handler, once it has decided, until the other one has decided too.</summary>
    private sealed class RaceGate : IDisposable
    {
        private readonly Barrier _barrier = new(2);
        private int _passed;

        public bool Armed { get; set; }

        public int Passed => _passed;

        public void Wait()
        {
            if (Armed)
            {
                Assert.True(_barrier.SignalAndWait(TimeSpan.FromSeconds(30)), "the other scan never reached its save");
                Interlocked.Increment(ref _passed);
            }
        }

        public void Dispose() => _barrier.Dispose();
    }

    /// <summary>Registered after the unit of work, so it runs between the handler and the save.</summary>
    private sealed class RaceGate<TRequest, TResponse>(RaceGate gate) : IPipelineBehavior<TRequest, TResponse>
    {
        public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
        {
            var response = await next();
            if (request is RecordRemindersCommand)
            {
                gate.Wait();
            }

            return response;
        }
    }
}
