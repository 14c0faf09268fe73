using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using Ledger.Testing;
using Xunit.Abstractions;

namespace Ledger.Web.Tests.Api;

/// <summary>
/// Mutated documents through every import path: the seed reports and the corpus (text, web page, Word, Excel), cut,
/// spliced, flooded, stripped of their line breaks, sprinkled with control characters and, for the zip formats, with
/// bytes flipped and parts rewritten. None may answer 5xx or take longer than its bound; the same seed gives the same
/// inputs every run, so a failure can be replayed.
/// </summary>
public sealed class DocumentFuzzTests(LedgerApiFactory factory, ITestOutputHelper output) : IClassFixture<LedgerApiFactory>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task No_mutated_document_answers_a_server_error_or_stalls_on_any_import_path()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var random = new Random(20250116);
        var round = await new Ledgers(_client).RoundAsync("政治建设方面");
        var documents = Documents().ToList();
        var counts = new Dictionary<string, (int Inputs, TimeSpan Slowest)>();
        var failures = new List<string>();

        foreach (var (name, content) in documents)
        {
            foreach (var (mutation, mutated) in Mutations(name, content, random))
            {
                var label = $"{name} · {mutation}";
                await SendAsync("POST /api/imports", label, () => _client.PostAsync("/api/imports?dryRun=true", HttpJson.Upload(mutated, name)), counts, failures);
                if (!IsZip(name))
                {
                    var text = Encoding.UTF8.GetString(mutated);
                    await SendAsync("POST /api/imports/text", label, () => _client.PostJsonAsync("/api/imports/text?dryRun=true", new { fileName = name, text }), counts, failures);
                }
                else if (name.EndsWith(".xlsx", StringComparison.Ordinal))
                {
                    await SendAsync("POST /api/rounds/{id}/ledger-sheet", label, () => _client.PostAsync($"/api/rounds/{round.Id}/ledger-sheet?dryRun=true", HttpJson.Upload(mutated, name)), counts, failures);
                }
            }
        }

        foreach (var (path, (inputs, slowest)) in counts)
        {
            output.WriteLine($"{path}: {inputs} inputs, slowest {slowest.TotalMilliseconds:F0} ms");
        }

        Assert.Equal(3, counts.Count);
        Assert.Empty(failures);
    }

    private static async Task SendAsync(
        string path, string label, Func<Task<HttpResponseMessage>> send, Dictionary<string, (int Inputs, TimeSpan Slowest)> counts, List<string> failures)
    {
        var watch = Stopwatch.StartNew();
        using var response = await send();
        watch.Stop();
        var (inputs, slowest) = counts.GetValueOrDefault(path);
        counts[path] = (inputs + 1, watch.Elapsed > slowest ? watch.Elapsed : slowest);
        if ((int)response.StatusCode >= 500 || watch.Elapsed > Bound)
        {
            failures.Add($"{path} with {label}: {(int)response.StatusCode} in {watch.Elapsed.TotalMilliseconds:F0} ms");
        }
    }

    private static IEnumerable<(string Name, byte[] Content)> Documents()
    {
        foreach (var seed in Directory.GetFiles(RepositoryFiles.Path("seeds"), "*.txt"))
        {
            yield return (Path.GetFileName(seed), File.ReadAllBytes(seed));
        }

        foreach (var file in Directory.GetFiles(RepositoryFiles.Path("tests", "corpus")).Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".py", StringComparison.Ordinal)))
        {
            yield return (Path.GetFileName(file), File.ReadAllBytes(file));
        }
    }

    private static bool IsZip(string name) => name.EndsWith(".docx", StringComparison.Ordinal) || name.EndsWith(".xlsx", StringComparison.Ordinal);

    private static IEnumerable<(string Mutation, byte[] Content)> Mutations(string name, byte[] content, Random random)
    {
        yield return ("cut at a random byte", content[..random.Next(1, content.Length)]);
        yield return ("bytes flipped", Flipped(content, random, 1 + (content.Length / 500)));
        yield return ("a slice repeated", Repeated(content, random));
        yield return ("empty", []);
        if (IsZip(name))
        {
            foreach (var rewritten in RewrittenParts(content, random))
            {
                yield return rewritten;
            }

            yield break;
        }

        var text = Encoding.UTF8.GetString(content);
        yield return ("one line", Encoding.UTF8.GetBytes(text.Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal)));
        yield return ("control and invisible characters", Encoding.UTF8.GetBytes(Sprinkled(text, random, ['\0', '\u001b', '\u200b', '\u202e', '\ufeff', '\t'])));
        yield return ("numbering and markers scrambled", Encoding.UTF8.GetBytes(Sprinkled(text, random, ['（', '一', '）', '【', '】', '1', '.', '、', '第', '条'])));
        yield return ("lines shuffled", Encoding.UTF8.GetBytes(string.Join('\n', text.Split('\n').OrderBy(_ => random.Next()))));
        yield return ("as GB18030", Encoding.GetEncoding("GB18030").GetBytes(text));
        yield return ("a 200,000-character line", Encoding.UTF8.GetBytes(text + "\n" + new string('问', 200_000)));
    }

    private static byte[] Flipped(byte[] content, Random random, int count)
    {
        var copy = (byte[])content.Clone();
        for (var i = 0; i < count && copy.Length > 0; i++)
        {
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        }

        return copy;
    }

    private static byte[] Repeated(byte[] content, Random random)
    {
        var start = random.Next(content.Length);
        var slice = content[start..Math.Min(content.Length, start + random.Next(1, 400))];
        using var stream = new MemoryStream();
        stream.Write(content, 0, start);
        for (var i = 0; i < 200; i++)
        {
            stream.Write(slice);
        }

        stream.Write(content, start, content.Length - start);
        return stream.ToArray();
    }

    private static string Sprinkled(string text, Random random, char[] alphabet)
    {
        var builder = new StringBuilder(text);
        for (var i = 0; i < 1 + (text.Length / 50); i++)
        {
            builder.Insert(random.Next(builder.Length + 1), alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }

    /// <summary>Each XML part of the package in turn cut short, and the main part with its elements repeated and mangled.</summary>
    private static IEnumerable<(string Mutation, byte[] Content)> RewrittenParts(byte[] content, Random random)
    {
        List<string> parts;
        using (var archive = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read))
        {
            parts = [.. archive.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)).Select(e => e.FullName)];
        }

        foreach (var part in parts)
        {
            yield return ($"{part} cut short", Rewritten(content, part, xml => xml[..random.Next(xml.Length + 1)]));
            yield return ($"{part} with markup scrambled", Rewritten(content, part, xml => Sprinkled(xml, random, ['<', '>', '/', '"', '&'])));
            yield return ($"{part} repeated", Rewritten(content, part, xml => string.Concat(Enumerable.Repeat(xml, 50))));
        }
    }

    private static byte[] Rewritten(byte[] content, string part, Func<string, string> rewrite)
    {
        using var stream = new MemoryStream();
        stream.Write(content);
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = archive.GetEntry(part)!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            entry.Delete();
            using var writer = new StreamWriter(archive.CreateEntry(part).Open());
            writer.Write(rewrite(xml));
        }

        return stream.ToArray();
    }
}
