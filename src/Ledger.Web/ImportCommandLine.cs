using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Ledger.Application.Importing;
using Ledger.Infrastructure.Importing;

namespace Ledger.Web;

/// <summary>
/// <c>Ledger.Web import &lt;file&gt; --dry-run [--json]</c>: reads a report and prints what it would create,
/// for scripts and operators. Exit code 0 on success, 2 for bad arguments, 1 for unreadable input.
/// </summary>
internal static class ImportCommandLine
{
    public const string Verb = "import";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    };

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var file = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        var json = args.Contains("--json");
        if (file is null || !args.Contains("--dry-run") || args.Skip(1).Any(a => a.StartsWith("--", StringComparison.Ordinal) && a is not ("--json" or "--dry-run")))
        {
            error.WriteLine("用法：Ledger.Web import <文件> --dry-run [--json]");
            error.WriteLine("  --dry-run  只解析并显示将导入的内容（写入数据库的导入尚在开发中）");
            error.WriteLine("  --json     以 JSON 输出解析结果");
            return 2;
        }

        string text;
        try
        {
            text = DocumentText.Read(File.ReadAllBytes(Locate(file)), file);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            error.WriteLine($"找不到文件“{file}”。");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"无法读取文件“{file}”：{e.Message}");
            return 1;
        }

        var result = ReportParser.Parse(text);
        if (result.Draft is not { } draft)
        {
            error.WriteLine(result.Error);
            return 1;
        }

        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(draft, Json));
            return 0;
        }

        var round = draft.Round;
        output.WriteLine($"巡察组：{round.InspectingTeam ?? "未识别"}；被巡察单位：{round.InspectedUnit ?? "未识别"}");
        output.WriteLine($"方面 {draft.Aspects.Count} 个，问题 {draft.ItemCount} 个，整改措施 {draft.Aspects.Sum(a => a.Items.Sum(i => i.Measures.Count))} 条");
        foreach (var aspect in draft.Aspects)
        {
            output.WriteLine($"（{aspect.Number}）{aspect.Title}：{aspect.Items.Count} 个问题");
        }

        output.WriteLine($"提示 {draft.Warnings.Count} 条");
        foreach (var warning in draft.Warnings)
        {
            output.WriteLine(warning.Line > 0 ? $"  第{warning.Line}行：{warning.Message}" : $"  全文：{warning.Message}");
        }

        return 0;
    }

    /// <summary>
    /// <c>dotnet run --project src/Ledger.Web</c> starts the app in the project folder, so a relative path
    /// typed at the repository root is also tried against the shell's directory (PWD, which the app inherits).
    /// </summary>
    private static string Locate(string file)
    {
        if (Path.IsPathRooted(file) || File.Exists(file))
        {
            return file;
        }

        var shellDirectory = Environment.GetEnvironmentVariable("PWD");
        var fromShell = string.IsNullOrEmpty(shellDirectory) ? file : Path.Combine(shellDirectory, file);
        return File.Exists(fromShell) ? fromShell : file;
    }
}
