using BenchmarkDotNet.Attributes;
using Ledger.Application.Common;
using Ledger.Application.Items;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Benchmarks;

/// <summary>The list query behind <c>GET /api/items</c>, through the MediatR pipeline, on 10,000 items in SQLite.</summary>
[MemoryDiagnoser]
public class ListItemsBenchmarks
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ledger-bench");
    private ServiceProvider _services = null!;
    private Guid _department;

    [Params("first page", "overdue by deadline", "department + status", "keyword", "last page")]
    public string Case { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(_directory);
        LoadData.SeedAsync(Path.Combine(_directory, "ledger.db"), 10_000).GetAwaiter().GetResult();
        _services = BenchmarkPipeline.Build(_directory);
        _department = Send(new ListItemsQuery { PageSize = 1 }).Items[0].LeadDepartmentId!.Value;
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public PagedResult<ItemListDto> ListPageOf50() => Send(Case switch
    {
        "overdue by deadline" => new ListItemsQuery { Overdue = true, Sort = ItemSort.Deadline },
        "department + status" => new ListItemsQuery { LeadDepartmentId = _department, Statuses = [Domain.Items.ItemStatus.InProgress] },
        "keyword" => new ListItemsQuery { Keyword = "档案" },
        "last page" => new ListItemsQuery { Page = 200 },
        _ => new ListItemsQuery(),
    });

    private PagedResult<ItemListDto> Send(ListItemsQuery query)
    {
        using var scope = _services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<IMediator>().Send(query).GetAwaiter().GetResult();
    }
}
