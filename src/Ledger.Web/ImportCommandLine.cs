using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using FluentValidation;
using Ledger.Application.Importing;
using Ledger.Infrastructure.Persistence;
using Ledger.Web.Http;
using MediatR;

namespace Ledger.Web;

/// <summary>
/// <c>Ledger.Web import &lt;file&gt; [--dry-run] [--json]</c>, for scripts and operators: reads a report and
/// creates its round in the configured database, or with <c>--dry-run</c> only shows what it would create.
/// Exit code 0 on success, 1 for unreadable input, 2 for wrong arguments.
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

    /// <param name="builder">The host as configured for serving, so the import uses the same database and rules.</param>
    public static async Task<int> RunAsync(string[] args, WebApplicationBuilder builder, TextWriter output, TextWriter error)
    {
        var options = args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var files = args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (files.Count != 1 || options.Except(["--json", "--dry-run"]).Any())
        {
            error.WriteLine("用法：Ledger.Web import <文件> [--dry-run] [--json]");
            error.WriteLine("  --dry-run  只解析并显示将导入的内容，不写入数据库");
            error.WriteLine("  --json     以 JSON 输出解析结果");
            return 2;
        }

        var file = Locate(files[0]);
        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(file);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            error.WriteLine($"找不到文件“{files[0]}”。");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"无法读取文件“{files[0]}”：{e.Message}");
            return 1;
        }

        // Only problems are logged, and to stderr, so stdout carries nothing but the result (e.g. the JSON).
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning);
        await using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpCurrentUser>().ActingAs = $"命令行导入（{Environment.UserName}）";
        var dryRun = options.Contains("--dry-run");

        // A dry run reads the database too: it says whether the document was imported before.
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();

        ImportResult result;
        try
        {
            result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ImportReportCommand(Path.GetFileName(file), content, dryRun));
        }
        catch (ValidationException invalid)
        {
            foreach (var failure in invalid.Errors)
            {
                error.WriteLine(failure.ErrorMessage);
            }

            return 1;
        }

        if (options.Contains("--json"))
        {
            output.WriteLine(JsonSerializer.Serialize(result.Draft with { Warnings = result.Warnings }, Json));
            return 0;
        }

        Describe(result, dryRun, output);
        return 0;
    }

    private static void Describe(ImportResult result, bool dryRun, TextWriter output)
    {
        var round = result.Draft.Round;
        output.WriteLine(result switch
        {
            { AlreadyImported: true } => $"该文件已导入过（SHA-256 {result.Sha256}），巡察轮次 {result.RoundId}，未重复导入。",
            _ when dryRun => "试导入（未写入数据库）：",
            _ => $"已导入，巡察轮次 {result.RoundId}：",
        });
        output.WriteLine($"巡察组：{round.InspectingTeam}；被巡察单位：{round.InspectedUnit}");
        output.WriteLine($"方面 {result.AspectCount} 个，问题 {result.ItemCount} 个，整改措施 {result.MeasureCount} 条");
        foreach (var aspect in result.Draft.Aspects)
        {
            output.WriteLine($"（{aspect.Number}）{aspect.Title}：{aspect.Items.Count} 个问题");
        }

        if (result.UnknownNames.Count > 0 && !result.AlreadyImported)
        {
            // The command line imports without choices: these stay unassigned, to map in the preview of the page or the API.
            output.WriteLine($"名单中没有的名称 {result.UnknownNames.Count} 个（导入后不分配）");
            foreach (var name in result.UnknownNames)
            {
                output.WriteLine($"  {name.Kind.ToChinese()}“{name.Name}”：{name.Occurrences()}");
            }
        }

        output.WriteLine($"提示 {result.Warnings.Count} 条");
        foreach (var warning in result.Warnings)
        {
            output.WriteLine(warning.Line > 0 ? $"  第{warning.Line}行：{warning.Message}" : $"  全文：{warning.Message}");
        }
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
