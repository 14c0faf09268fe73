using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Ledger.Infrastructure.Importing;

/// <summary>
/// Word's automatic list numbering (word/numbering.xml): a paragraph that Word numbers "1." or "（一）" holds no
/// such text, so the labels Word would show are rebuilt here, level by level, for the parser to read as typed.
/// </summary>
internal sealed class WordNumbering
{
    private const string Digits = "零一二三四五六七八九";

    private readonly Dictionary<string, string> _abstractOf = [];
    private readonly Dictionary<string, Dictionary<int, (string Format, string Text, int Start)>> _levels = [];
    private readonly Dictionary<string, int[]> _counters = [];

    private WordNumbering()
    {
    }

    public static WordNumbering Read(ZipArchive zip)
    {
        var numbering = new WordNumbering();
        using var reader = OpenXmlParts.Read(zip, "word/numbering.xml");
        string? abstractId = null;
        string? numId = null;
        var level = -1;
        while (reader is not null && reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "abstractNum":
                    abstractId = OpenXmlParts.Attribute(reader, "abstractNumId");
                    numId = null;
                    if (abstractId is not null)
                    {
                        numbering._levels[abstractId] = [];
                    }

                    break;
                case "num":
                    numId = OpenXmlParts.Attribute(reader, "numId");
                    abstractId = null;
                    break;
                case "abstractNumId" when numId is not null && OpenXmlParts.Attribute(reader, "val") is { } target:
                    numbering._abstractOf[numId] = target;
                    break;
                case "lvl" when abstractId is not null && int.TryParse(OpenXmlParts.Attribute(reader, "ilvl"), out var ilvl) && ilvl is >= 0 and < 9:
                    level = ilvl;
                    numbering._levels[abstractId][level] = ("decimal", "%1.", 1);
                    break;
                case "start" when abstractId is not null && level >= 0 && int.TryParse(OpenXmlParts.Attribute(reader, "val"), out var start):
                    numbering._levels[abstractId][level] = numbering._levels[abstractId][level] with { Start = start };
                    break;
                case "numFmt" when abstractId is not null && level >= 0 && OpenXmlParts.Attribute(reader, "val") is { } format:
                    numbering._levels[abstractId][level] = numbering._levels[abstractId][level] with { Format = format };
                    break;
                case "lvlText" when abstractId is not null && level >= 0 && OpenXmlParts.Attribute(reader, "val") is { } text:
                    numbering._levels[abstractId][level] = numbering._levels[abstractId][level] with { Text = text };
                    break;
            }
        }

        return numbering;
    }

    /// <summary>The label Word shows for the next paragraph of list <paramref name="numId"/> at <paramref name="level"/>.</summary>
    public string Next(string numId, int level)
    {
        if (!_abstractOf.TryGetValue(numId, out var abstractId) || !_levels.TryGetValue(abstractId, out var levels) || level is < 0 or >= 9)
        {
            return string.Empty;
        }

        if (!_counters.TryGetValue(abstractId, out var counters))
        {
            counters = new int[9];
            _counters[abstractId] = counters;
        }

        counters[level] = counters[level] == 0 ? levels.GetValueOrDefault(level, ("decimal", "%1.", 1)).Item3 : counters[level] + 1;
        for (var deeper = level + 1; deeper < 9; deeper++)
        {
            counters[deeper] = 0;
        }

        if (!levels.TryGetValue(level, out var definition) || definition.Format is "bullet" or "none")
        {
            return string.Empty;
        }

        var label = definition.Text;
        for (var k = 0; k <= level; k++)
        {
            var format = levels.TryGetValue(k, out var at) ? at.Format : "decimal";
            label = label.Replace($"%{k + 1}", Format(Math.Max(counters[k], 1), format), StringComparison.Ordinal);
        }

        return label;
    }

    private static string Format(int n, string format) => format switch
    {
        "chineseCounting" or "chineseCountingThousand" or "ideographTraditional" or "japaneseCounting" or "taiwaneseCounting"
            or "ideographLegalTraditional" or "chineseLegalSimplified" => Chinese(n),
        "decimalEnclosedCircle" or "decimalEnclosedCircleChinese" when n is >= 1 and <= 20 => ((char)('①' + n - 1)).ToString(),
        "upperLetter" when n is >= 1 and <= 26 => ((char)('A' + n - 1)).ToString(),
        "lowerLetter" when n is >= 1 and <= 26 => ((char)('a' + n - 1)).ToString(),
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    private static string Chinese(int n) => n switch
    {
        < 10 => Digits[n].ToString(),
        < 20 => "十" + (n % 10 == 0 ? string.Empty : Digits[n % 10].ToString()),
        < 100 => Digits[n / 10] + "十" + (n % 10 == 0 ? string.Empty : Digits[n % 10].ToString()),
        _ => n.ToString(CultureInfo.InvariantCulture),
    };
}
