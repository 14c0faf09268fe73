using BenchmarkDotNet.Attributes;
using Ledger.Application.Importing;

namespace Ledger.Benchmarks;

/// <summary>Parsing the largest seed report (002, 40 items, 51 KB) into a draft.</summary>
[MemoryDiagnoser]
public class ParseReportBenchmarks
{
    private string _text = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ledger.sln")))
        {
            dir = dir.Parent;
        }

        _text = File.ReadAllText(Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Ledger.sln not found"), "seeds", "002_bc7ac9455876ebe8.txt"));
    }

    [Benchmark]
    public int ParseLargestSeed() => ReportParser.Parse(_text).Draft!.ItemCount;
}
