using BenchmarkDotNet.Attributes;
using Ledger.Application.Importing;
using Ledger.Testing;

namespace Ledger.Benchmarks;

/// <summary>Parsing the largest seed report (002, 40 items, 51 KB) into a draft.</summary>
[MemoryDiagnoser]
public class ParseReportBenchmarks
{
    private string _text = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _text = File.ReadAllText(RepositoryFiles.Seed("002_bc7ac9455876ebe8.txt"));
    }

    [Benchmark]
    public int ParseLargestSeed() => ReportParser.Parse(_text).Draft!.ItemCount;
}
