using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Ledger.Web.Ui;
using MudBlazor;

namespace Ledger.Web.Tests.Ui;

public sealed partial class ChineseMudLocalizerTests
{
    private static Dictionary<string, string> English() =>
        new ResourceManager("MudBlazor.Resources.LanguageResource", typeof(MudButton).Assembly)
            .GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [Fact]
    public void Every_string_MudBlazor_shows_has_a_Chinese_translation_with_the_same_placeholders()
    {
        var english = English();
        var localizer = new ChineseMudLocalizer();

        Assert.True(english.Count > 100, $"only {english.Count} MudBlazor strings found");
        foreach (var (key, text) in english)
        {
            var chinese = localizer[key];
            Assert.False(chinese.ResourceNotFound, $"{key} ({text}) has no translation");
            Assert.Equal(Placeholders().Matches(text).Select(m => m.Value).Order(), Placeholders().Matches(chinese.Value).Select(m => m.Value).Order());
        }

        Assert.Empty(ChineseMudLocalizer.Translations.Keys.Except(english.Keys));
    }

    [Fact]
    public void The_pager_and_loading_text_read_in_Chinese()
    {
        var localizer = new ChineseMudLocalizer();

        Assert.Equal("下一页", localizer["MudTablePager_NextPage"].Value);
        Assert.Equal("第 1–20 条，共 78 条", localizer["MudDataGridPager_InfoFormat", 1, 20, 78].Value);
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholders();
}
