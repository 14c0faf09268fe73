using BenchmarkDotNet.Attributes;
using Ledger.Application.Calendar;
using Ledger.Domain.Calendar;
using Ledger.Testing;

namespace Ledger.Benchmarks;

/// <summary>
/// A scan over 100,000 items, each asking how many working days are left until a deadline a few weeks off, against
/// the seed calendar (2024–2026).
/// </summary>
[MemoryDiagnoser]
public class WorkingCalendarBenchmarks
{
    private const int Items = 100_000;

    private readonly DateOnly _today = new(2025, 1, 20);
    private WorkingCalendar _calendar = WorkingCalendar.WeekdaysOnly;
    private DateOnly[] _deadlines = [];

    [GlobalSetup]
    public void Setup()
    {
        _calendar = WorkingCalendarFile.Parse(File.ReadAllText(RepositoryFiles.Seed(WorkingCalendarFile.SeedFileName))).ToCalendar();
        var random = new Random(42);
        _deadlines = [.. Enumerable.Range(0, Items).Select(_ => _today.AddDays(random.Next(-30, 60)))];
    }

    [Benchmark(OperationsPerInvoke = Items)]
    public int WorkingDaysLeft()
    {
        var overdue = 0;
        foreach (var due in _deadlines)
        {
            if (_calendar.WorkingDaysBetween(_today, due) < 0)
            {
                overdue++;
            }
        }

        return overdue;
    }
}
