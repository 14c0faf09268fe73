using System.Text;
using Ledger.Application.Importing;
using Ledger.Testing;

namespace Ledger.Application.Tests.Importing;

/// <summary>No input makes the parser throw: it returns a draft or a clear error.</summary>
public class ParserRobustnessTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t\n")]
    public void Empty_input_is_a_clear_error(string? text) =>
        Assert.Equal("文档为空，没有可导入的内容。", ReportParser.Parse(text).Error);

    [Fact]
    public void Binary_input_is_a_clear_error()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);

        var result = ReportParser.Parse(Encoding.Latin1.GetString(bytes));

        Assert.False(result.Succeeded);
        Assert.Contains("不是可读的文本", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_without_any_structure_gives_an_empty_draft_with_warnings()
    {
        var result = ReportParser.Parse("这只是一段普通的文字，没有巡察内容。");

        Assert.True(result.Succeeded);
        Assert.Equal(0, result.Draft!.ItemCount);
        Assert.Contains(result.Draft.Warnings, w => w.Message.Contains("没有识别出任何问题条目", StringComparison.Ordinal));
    }

    [Fact]
    public void Random_unicode_and_mangled_reports_never_throw()
    {
        var random = new Random(20250116);
        var seed = File.ReadAllText(RepositoryFiles.Seed("002_bc7ac9455876ebe8.txt"));
        const string Alphabet = "一二三四五六七八九十()（）、.:：“”‘’【】0123456789年月日至底是①②③问题整改结果完成阶段性截至个件\n\r 方面对巡察组进行了反馈意见责任部门时限长期坚持";
        for (var run = 0; run < 300; run++)
        {
            var text = (run % 3) switch
            {
                0 => new string(Enumerable.Range(0, random.Next(1, 400)).Select(_ => (char)random.Next(1, 0xFFFF)).ToArray()),
                1 => new string(Enumerable.Range(0, random.Next(1, 2000)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray()),
                _ => Mangle(seed, random),
            };

            var result = ReportParser.Parse(text);

            Assert.True(result.Succeeded ^ (result.Error is not null));
        }
    }

    [Fact]
    public void A_ten_megabyte_report_is_parsed()
    {
        var seed = File.ReadAllText(RepositoryFiles.Seed("000_a214ae62bcaa29c6.txt"));
        var text = string.Concat(Enumerable.Repeat(seed + "\n", 10 * 1024 * 1024 / Encoding.UTF8.GetByteCount(seed) + 1));

        var result = ReportParser.Parse(text);

        Assert.True(result.Succeeded);
        Assert.True(result.Draft!.ItemCount >= 19);
    }

    private static string Mangle(string text, Random random)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length / 50; i++)
        {
            var at = random.Next(chars.Length);
            chars[at] = random.Next(4) switch
            {
                0 => '\n',
                1 => '“',
                2 => (char)random.Next(0x4E00, 0x9FA5),
                _ => (char)random.Next('0', '9' + 1),
            };
        }

        return new string(chars, 0, random.Next(chars.Length / 2, chars.Length));
    }
}
