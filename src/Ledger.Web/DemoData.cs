using System.Text.Json;
using Ledger.Application.Common;
using Ledger.Application.Importing;
using Ledger.Application.Items;
using Ledger.Application.Organisation;
using Ledger.Domain.Items;
using Ledger.Infrastructure.Persistence;
using Ledger.Web.Http;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Web;

/// <summary>
/// Demo data for a newcomer (on when <c>Ledger:DemoData</c> is true, as in Development): on an empty
/// database, the demo organisation of <c>seeds/</c> and the three seed reports, with the items handed
/// out to departments and leaders and deadlines spread around today, so every state is on show.
/// Everything goes through the same commands users send, so history and audit are real.
/// </summary>
internal static partial class DemoData
{
    public const string Actor = "演示数据";

    private const int ListItemsPageSize = 200;

    /// <summary>Days from today for successive items; null is 长期坚持. Mixes overdue, due soon and later.</summary>
    private static readonly int?[] DeadlineOffsets = [-30, -6, 2, 5, 12, 25, 45, 70, null, 100];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<LedgerOptions>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoData).FullName!);
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        if (!options.DemoData || await provider.GetRequiredService<LedgerDbContext>().Rounds.AnyAsync(cancellationToken))
        {
            return;
        }

        var folder = FindSeeds(provider.GetRequiredService<IHostEnvironment>().ContentRootPath);
        if (folder is null)
        {
            LogNoSeeds(logger);
            return;
        }

        provider.GetRequiredService<HttpCurrentUser>().ActingAs = Actor;
        var today = provider.GetRequiredService<RequestContext>().Today;
        var mediator = provider.GetRequiredService<IMediator>();
        var organisation = JsonSerializer.Deserialize<DemoOrganisation>(
            await File.ReadAllTextAsync(Path.Combine(folder, "demo-organisation.json"), cancellationToken), JsonSerializerOptions.Web)!;
        var departments = new List<(Guid Department, Guid Person)>();
        foreach (var department in organisation.Departments)
        {
            var saved = await mediator.Send(new CreateDepartmentCommand(department.Name), cancellationToken);
            var person = await mediator.Send(new CreatePersonCommand(department.Person, "负责人", saved.Id, false), cancellationToken);
            departments.Add((saved.Id, person.Id));
        }

        var leaders = new List<Guid>();
        foreach (var leader in organisation.Leaders)
        {
            leaders.Add((await mediator.Send(new CreatePersonCommand(leader.Name, leader.Position, null, true), cancellationToken)).Id);
        }

        foreach (var file in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var imported = await mediator.Send(new ImportReportCommand(Path.GetFileName(file), await File.ReadAllBytesAsync(file, cancellationToken)), cancellationToken);
            await HandOutAsync(mediator, today, imported.RoundId!.Value, departments, leaders, cancellationToken);
        }

        LogSeeded(logger, folder);
    }

    private static async Task HandOutAsync(
        IMediator mediator, DateOnly day, Guid roundId, List<(Guid Department, Guid Person)> departments, List<Guid> leaders, CancellationToken cancellationToken)
    {
        var items = (await mediator.Send(new ListItemsQuery { RoundId = roundId, PageSize = ListItemsPageSize }, cancellationToken)).Items;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var (department, person) = departments[i % departments.Count];
            var co = departments[(i + 3) % departments.Count].Department;
            var offset = DeadlineOffsets[i % DeadlineOffsets.Length];
            var state = await mediator.Send(
                new AssignItemCommand(
                    item.Id,
                    item.Version,
                    leaders[i % leaders.Count],
                    department,
                    i % 3 == 0 ? [co] : [],
                    person,
                    offset is { } days ? day.AddDays(days) : null,
                    offset is null),
                cancellationToken);

            // Items the report gave no status are moved along so the ledger shows every stage.
            if (item.Status == ItemStatus.NotStarted && i % 4 != 0)
            {
                state = await mediator.Send(new StartItemCommand(state.Id, state.Version), cancellationToken);
                if (i % 4 == 3)
                {
                    await mediator.Send(new MarkItemPartiallyDoneCommand(state.Id, state.Version, "短期措施已完成，长效机制持续推进。"), cancellationToken);
                }
            }
        }
    }

    internal static string? FindSeeds(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seeds");
            if (File.Exists(Path.Combine(candidate, "demo-organisation.json")))
            {
                return candidate;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ledger:DemoData is on but no seeds/demo-organisation.json was found above the content root; starting empty")]
    private static partial void LogNoSeeds(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data loaded from {Folder}")]
    private static partial void LogSeeded(ILogger logger, string folder);

    internal sealed record DemoOrganisation(IReadOnlyList<DemoDepartment> Departments, IReadOnlyList<DemoLeader> Leaders, IReadOnlyList<DemoAccount>? Accounts);

    internal sealed record DemoAccount(string UserName, string DisplayName, string Role, string? Department, string? Person);

    internal sealed record DemoDepartment(string Name, string Person);

    internal sealed record DemoLeader(string Name, string Position);
}
