using System.Text;
using Ledger.Application.EvidenceFiles;

namespace Ledger.Application.Tests.EvidenceFiles;

public class EvidenceFileTypesTests
{
    private static readonly EvidenceOptions Options = new();

    public static TheoryData<string, byte[], string> GoodFiles => new()
    {
        { "整改报告.pdf", Head("%PDF-1.7\n"u8), "application/pdf" },
        { "REPORT.PDF", Head("%PDF-1.4\n"u8), "application/pdf" },
        { "台账.docx", Head([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]), "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "台账.xlsx", Head([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "旧文档.doc", Head([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]), "application/msword" },
        { "旧表格.xls", Head([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]), "application/vnd.ms-excel" },
        { "照片.png", Head([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "image/png" },
        { "照片.jpg", Head([0xFF, 0xD8, 0xFF, 0xE0]), "image/jpeg" },
        { "照片.jpeg", Head([0xFF, 0xD8, 0xFF, 0xE1]), "image/jpeg" },
        { "动图.gif", Head("GIF89a"u8), "image/gif" },
        { "老动图.gif", Head("GIF87a"u8), "image/gif" },
        { "截图.bmp", Head("BM"u8), "image/bmp" },
        { "说明.txt", Encoding.UTF8.GetBytes("整改情况说明：已完成。\r\n"), "text/plain" },
        { "空行.txt", "\n"u8.ToArray(), "text/plain" },
    };

    [Theory]
    [MemberData(nameof(GoodFiles))]
    public void Files_whose_content_matches_their_allowed_extension_are_accepted(string name, byte[] head, string contentType) =>
        Assert.Equal(contentType, EvidenceFileTypes.Check(name, head, Options));

    [Theory]
    [InlineData("setup.exe")]
    [InlineData("page.html")]
    [InlineData("archive.zip")]
    [InlineData("没有扩展名")]
    public void Extensions_outside_the_allowed_list_are_refused_with_the_allowed_types_in_words(string name)
    {
        var error = Assert.Throws<EvidenceRejectedException>(() => EvidenceFileTypes.Check(name, Head("%PDF-"u8), Options));

        Assert.Contains("PDF、Word、Excel、图片、文本", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_can_narrow_the_allowed_list_and_the_message_follows_it()
    {
        var onlyPdf = new EvidenceOptions { AllowedExtensions = ["PDF"] };

        Assert.Equal("application/pdf", EvidenceFileTypes.Check("a.pdf", Head("%PDF-"u8), onlyPdf));
        var error = Assert.Throws<EvidenceRejectedException>(
            () => EvidenceFileTypes.Check("a.png", Head([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), onlyPdf));
        Assert.Contains("只能上传PDF文件（.pdf）", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_cannot_allow_an_extension_without_a_content_check()
    {
        var withCsv = new EvidenceOptions { AllowedExtensions = [".csv", ".txt"] };

        Assert.Throws<EvidenceRejectedException>(() => EvidenceFileTypes.Check("a.csv", "a,b\n"u8, withCsv));
    }

    public static TheoryData<string, byte[]> DisguisedExecutables => new()
    {
        { "report.pdf", Head([0x4D, 0x5A, 0x90, 0x00]) },
        { "说明.txt", Head([0x4D, 0x5A]) },
        { "photo.png", Head([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01]) },
        { "notes.txt", "#!/bin/sh\nrm -rf /\n"u8.ToArray() },
        { "notes.txt", "\uFEFF#!/usr/bin/env python\n"u8.ToArray() },
        { "台账.docx", Head([0xCF, 0xFA, 0xED, 0xFE]) },
        { "台账.xlsx", Head([0xFE, 0xED, 0xFA, 0xCE]) },
        { "旧文档.doc", Head([0xCA, 0xFE, 0xBA, 0xBE]) },
    };

    [Theory]
    [MemberData(nameof(DisguisedExecutables))]
    public void Executables_are_refused_whatever_their_extension(string name, byte[] head)
    {
        var error = Assert.Throws<EvidenceRejectedException>(() => EvidenceFileTypes.Check(name, head, Options));

        Assert.Contains("伪装的可执行文件", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[]> Mismatches => new()
    {
        { "report.pdf", Head([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) },
        { "台账.docx", Head([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) },
        { "旧文档.doc", Head([0x50, 0x4B, 0x03, 0x04]) },
        { "照片.jpg", Head("%PDF-"u8) },
        { "照片.png", Head([0xFF, 0xD8, 0xFF]) },
        { "动图.gif", Head("GIF90a"u8) },
        { "截图.bmp", Head("bm"u8) },
        { "short.pdf", "%PD"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(Mismatches))]
    public void Content_that_does_not_match_the_extension_is_refused(string name, byte[] head)
    {
        var error = Assert.Throws<EvidenceRejectedException>(() => EvidenceFileTypes.Check(name, head, Options));

        Assert.Contains($"文件内容与扩展名 {Path.GetExtension(name)} 不符", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_with_nul_bytes_is_refused()
    {
        var head = Encoding.Unicode.GetBytes("整改说明 version 2");

        var error = Assert.Throws<EvidenceRejectedException>(() => EvidenceFileTypes.Check("说明.txt", head, Options));

        Assert.Contains("文件内容与扩展名 .txt 不符", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../x.pdf", "x.pdf")]
    [InlineData(@"C:\a\b.pdf", "b.pdf")]
    [InlineData(@"..\..\windows\system32\x.pdf", "x.pdf")]
    [InlineData("第一轮巡察 整改报告（终稿）.docx", "第一轮巡察 整改报告（终稿）.docx")]
    [InlineData("  a \t\u3000 b .pdf ", "a b .pdf")]
    [InlineData("a<b>c:d\"e|f?g*h.pdf", "abcdefgh.pdf")]
    [InlineData("a\u0000b\u001Fc\u007F.pdf", "abc.pdf")]
    [InlineData("..报告.pdf..", "报告.pdf")]
    [InlineData("x\u202Efdp.exe", "xfdp.exe")]
    [InlineData("a\u200B.pdf", "a.pdf")]
    [InlineData("a : b.pdf", "a b.pdf")]
    [InlineData("emoji😀.png", "emoji😀.png")]
    public void File_names_are_sanitised(string name, string expected) =>
        Assert.Equal(expected, EvidenceFileTypes.SanitiseFileName(name));

    [Fact]
    public void Unpaired_surrogates_are_dropped_because_they_cannot_be_written_as_utf8() =>
        Assert.Equal("lone.png", EvidenceFileTypes.SanitiseFileName("lone\uD800.png"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("...")]
    [InlineData("../")]
    [InlineData(@"C:\temp\")]
    [InlineData("<>|?*")]
    [InlineData("\u0001\u0002")]
    public void Names_with_nothing_usable_left_are_refused(string? name)
    {
        var error = Assert.Throws<EvidenceRejectedException>(() => EvidenceFileTypes.SanitiseFileName(name));

        Assert.StartsWith("文件名无效", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_names_are_cut_to_120_characters_keeping_the_extension()
    {
        var name = EvidenceFileTypes.SanitiseFileName(new string('整', 300) + ".xlsx");

        Assert.Equal(120, name.Length);
        Assert.EndsWith("整.xlsx", name, StringComparison.Ordinal);
    }

    [Fact]
    public void Cutting_a_long_name_never_splits_a_surrogate_pair()
    {
        var name = EvidenceFileTypes.SanitiseFileName("a" + string.Concat(Enumerable.Repeat("😀", 100)) + ".pdf");

        Assert.True(name.Length <= 120);
        Assert.EndsWith("😀.pdf", name, StringComparison.Ordinal);
        Assert.Equal(name, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(name)));
    }

    [Fact]
    public void Sanitised_names_are_stable()
    {
        var once = EvidenceFileTypes.SanitiseFileName(" ../a  b<>.PDF. ");

        Assert.Equal("a b.PDF", once);
        Assert.Equal(once, EvidenceFileTypes.SanitiseFileName(once));
    }

    /// <summary>A realistic head: the signature followed by ordinary bytes up to the length the store passes.</summary>
    private static byte[] Head(ReadOnlySpan<byte> signature)
    {
        var head = new byte[EvidenceFileTypes.HeadLength];
        head.AsSpan().Fill((byte)'x');
        signature.CopyTo(head);
        return head;
    }
}
