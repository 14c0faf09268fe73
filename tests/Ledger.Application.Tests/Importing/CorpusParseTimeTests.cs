using System.Diagnostics;
using Ledger.Application.Importing;
using Ledger.Infrastructure.Importing;
using Ledger.Testing;
using Xunit.Abstractions;

namespace Ledger.Application.Tests.Importing;

/// <summary>Issue 20: parse time stays small and linear; the corpus's documents and the largest seed each read and parse within 20 ms.</summary>
[Collection(Timing.Name)]
public class CorpusParseTimeTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_corpus_document_and_the_largest_seed_parse_within_20_ms()
    {
        var files = Directory.GetFiles(RepositoryFiles.Path("tests", "corpus")).Where(f => Path.GetExtension(f) is ".txt" or ".html" or ".docx" or ".xlsx")
            .Append(RepositoryFiles.Seed("002_bc7ac9455876ebe8.txt"))
            .ToList();
        var reader = new DocumentReader();

        var times = files.Select(file =>
            {
                var content = File.ReadAllBytes(file);
                var name = Path.GetFileName(file);
                ReportParser.Parse(reader.Read(content, name));
                var runs = Enumerable.Range(0, 15).Select(_ =>
                {
                    var watch = Stopwatch.StartNew();
                    ReportParser.Parse(reader.Read(content, name));
                    return watch.Elapsed.TotalMilliseconds;
                }).Order().ToList();
                return (Name: name, Bytes: content.Length, Median: runs[runs.Count / 2]);
            })
            .ToList();

        foreach (var (name, bytes, median) in times.OrderByDescending(t => t.Bytes))
        {
            output.WriteLine($"{name}\t{bytes} bytes\t{median:F2} ms");
        }

        Assert.All(times, t => Assert.True(t.Median <= 20, $"{t.Name}: {t.Median:F2} ms"));
    }
}

/// <summary>Tests that time the parser run alone: on a machine shared with other builds, parallel tests would time each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public static class Timing
{
    public const string Name = "Parse timing";
}
