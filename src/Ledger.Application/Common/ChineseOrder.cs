using System.Globalization;

namespace Ledger.Application.Common;

/// <summary>
/// Names in the order a Chinese office expects (pinyin: 安, 李, 王, 张), the same on every database: each provider's
/// collation orders Chinese differently (SQLite by code point), so short lists of names are ordered here, not in SQL.
/// </summary>
public static class ChineseOrder
{
    public static readonly StringComparer Names = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), ignoreCase: true);
}
