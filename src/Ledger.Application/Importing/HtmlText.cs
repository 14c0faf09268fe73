using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Ledger.Application.Importing;

/// <summary>
/// The text of a web page pasted or saved as HTML, in one linear scan: scripts, styles, the head, navigation and
/// footers go; block elements end lines; entities are decoded. Each line keeps the source line it began on, so
/// warnings point at the page's own lines. Lines that are the site's chrome (位置, 分享, 打印, 版权…) are dropped, each with a warning.
/// </summary>
internal static partial class HtmlText
{
    private static readonly HashSet<string> Skipped = ["script", "style", "head", "noscript", "template", "nav", "footer", "iframe", "svg", "select", "button"];

    private static readonly HashSet<string> Blocks =
    [
        "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article", "ul", "ol", "dd", "dt",
        "blockquote", "pre", "hr", "body", "header", "main", "aside", "form", "center",
    ];

    /// <summary>True when the text is markup rather than prose that mentions a tag.</summary>
    public static bool LooksLikeHtml(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 8 * 1024));
        return sample.Contains("<html", StringComparison.OrdinalIgnoreCase) || sample.Contains("<body", StringComparison.OrdinalIgnoreCase)
            || (TagRegex().Count(sample) >= 3);
    }

    public static (List<string> Lines, List<int> SourceLines, List<ParseWarning> Warnings) ToLines(string html, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var sources = new List<int>();
        var warnings = new List<ParseWarning> { new(0, "内容是网页源码（HTML），已去掉标签、脚本和样式后读取；行号为网页源码的行。") };
        var line = new StringBuilder();
        var sourceLine = 1;
        var lineStart = 1;

        void EndLine()
        {
            var text = WebUtility.HtmlDecode(line.ToString()).Trim();
            line.Clear();
            if (text.Length == 0)
            {
                return;
            }

            if (ChromeRegex().IsMatch(text))
            {
                warnings.Add(new ParseWarning(lineStart, $"网页的页面元素（{(text.Length <= 30 ? text : text[..30] + "…")}），已去掉。"));
                return;
            }

            lines.Add(text);
            sources.Add(lineStart);
        }

        var i = 0;
        var nextClose = -1;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<' && nextClose < i && nextClose != int.MaxValue)
            {
                // Remembered, so text full of '<' without '>' is scanned once, not once per '<'.
                nextClose = html.IndexOf('>', i) is var found and >= 0 ? found : int.MaxValue;
            }

            if (c == '<' && nextClose != int.MaxValue && TagAt(html, i, nextClose) is var (name, closing, end))
            {
                if ((i & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                sourceLine += Count(html, i, end, '\n');
                i = end + 1;
                if (name == "!--")
                {
                    var close = html.IndexOf("-->", i, StringComparison.Ordinal);
                    var next = close < 0 ? html.Length : close + 3;
                    sourceLine += Count(html, i, next, '\n');
                    i = next;
                }
                else if (!closing && Skipped.Contains(name))
                {
                    var close = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                    var next = close < 0 ? html.Length : Math.Max(html.IndexOf('>', close) + 1, close + 1);
                    if (next <= 0)
                    {
                        next = html.Length;
                    }

                    sourceLine += Count(html, i, next, '\n');
                    i = next;
                }
                else if (Blocks.Contains(name))
                {
                    EndLine();
                }
                else if (name is "td" or "th" && !closing && line.Length > 0)
                {
                    line.Append(' ');
                }

                continue;
            }

            if (c == '\n')
            {
                sourceLine++;
            }

            if (char.IsWhiteSpace(c))
            {
                if (line.Length > 0 && line[^1] != ' ')
                {
                    line.Append(' ');
                }
            }
            else
            {
                if (line.Length == 0)
                {
                    lineStart = sourceLine;
                }

                line.Append(c);
            }

            i++;
        }

        EndLine();
        return (lines, sources, warnings);
    }

    /// <summary>The tag starting at <paramref name="at"/>: its lower-case name, whether it closes, and the index of its '>'; null when '&lt;' starts no tag.</summary>
    private static (string Name, bool Closing, int End)? TagAt(string html, int at, int nextClose)
    {
        var i = at + 1;
        if (html.AsSpan(i).StartsWith("!--"))
        {
            return ("!--", false, i + 2);
        }

        var closing = i < html.Length && html[i] == '/';
        if (closing)
        {
            i++;
        }

        var nameStart = i;
        while (i < html.Length && (char.IsAsciiLetterOrDigit(html[i]) || html[i] == '!'))
        {
            i++;
        }

        return i == nameStart || i - nameStart > 20 || nextClose < i ? null : (html[nameStart..i].ToLowerInvariant(), closing, nextClose);
    }

    private static int Count(string text, int from, int to, char c)
    {
        var count = 0;
        for (var i = from; i < to && i < text.Length; i++)
        {
            if (text[i] == c)
            {
                count++;
            }
        }

        return count;
    }

    [GeneratedRegex(@"<(?:p|div|br|span|table|td|a|li|h[1-6])\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex TagRegex();

    [GeneratedRegex(
        @"^(?:首页|当前位置|您的位置|你的位置|所在位置|来源[:：]|发布时间|发布日期[:：]|作者[:：]|责任编辑|编辑[:：]|【?字体|字号[:：]|分享到|打印本页|【?打印|关闭窗口|【?关闭|上一篇|下一篇|相关链接|扫一扫|网站地图|联系我们|版权所有|主办单位|承办单位|技术支持|网站标识码)|ICP备|公网安备|浏览次数|阅读次数|点击数[:：]|无障碍",
        RegexOptions.NonBacktracking)]
    private static partial Regex ChromeRegex();
}
