using BenchmarkDotNet.Running;
using Ledger.Benchmarks;

// `seed <folder> [count] [postgres-connection-string]` writes a generated ledger to <folder>/ledger.db (or to the
// PostgreSQL database named), for a load run against the real host (README, "Measuring"); `scan <folder> <day>...`
// times the reminder scan on it; `compare <base-url> <folder> [runs]` times issue 21's requests against a host
// running on it and prints their SQL plans (Compare.cs); `scale-out ...` is the workload of tests/scale-out/run; anything else goes to
// BenchmarkDotNet.
if (args is ["seed", var folder, ..])
{
    Directory.CreateDirectory(folder);
    var count = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
    var created = await LoadData.SeedAsync(Path.Combine(folder, "ledger.db"), count, args.Length > 3 ? args[3] : null);
    Console.WriteLine($"{created} items written to {Path.GetFullPath(folder)}");
    return;
}

if (args is ["scan", var ledger, .. var days])
{
    await ScanLoad.RunAsync(ledger, days.Select(d => DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture)));
    return;
}

if (args is [ScaleOutWorkload.Verb, var proxy, var nodeA, var nodeAProcess, var seconds])
{
    await ScaleOutWorkload.RunAsync(
        new Uri(proxy), nodeA, int.Parse(nodeAProcess, System.Globalization.CultureInfo.InvariantCulture),
        TimeSpan.FromSeconds(int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)));
    return;
}

if (args is [Compare.Verb, var baseUrl, var dataDirectory, .. var rest])
{
    await Compare.RunAsync(new Uri(baseUrl), dataDirectory, rest is [var runs] ? int.Parse(runs, System.Globalization.CultureInfo.InvariantCulture) : 10);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ListItemsBenchmarks).Assembly).Run(args);
