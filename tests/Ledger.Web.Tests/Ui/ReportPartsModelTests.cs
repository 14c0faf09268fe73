using Ledger.Domain.Reports;
using Ledger.Web.Ui;

namespace Ledger.Web.Tests.Ui;

public sealed class ReportPartsModelTests
{
    private static readonly ReportParts Blank = new(null, null, null, null, null, null, null, null, null);

    [Fact]
    public void Loading_again_takes_the_records_words_where_the_user_changed_nothing_and_keeps_the_users_elsewhere()
    {
        var model = new ReportPartsModel();
        model.Load(Blank with { Title = "旧标题", Organisation = "旧的第一部分" });
        model.Organisation = "我改的第一部分";

        model.Load(Blank with { Title = "他人改的标题", Organisation = "他人改的第一部分" });

        Assert.Equal("他人改的标题", model.Title);
        Assert.Equal("我改的第一部分", model.Organisation);
        Assert.True(model.Changed);
    }

    [Fact]
    public void What_was_saved_gives_way_to_the_records_own_form_of_it()
    {
        var model = new ReportPartsModel();
        model.Load(Blank);
        model.NextSteps = "  一是持续推进整改。\n";
        model.MarkSaved();

        model.Load(Blank with { NextSteps = "一是持续推进整改。" });

        Assert.Equal("一是持续推进整改。", model.NextSteps);
        Assert.False(model.Changed);
    }

    [Fact]
    public void Blank_parts_are_sent_as_none_so_the_ledger_words_them()
    {
        var model = new ReportPartsModel();
        var roundId = Guid.NewGuid();
        model.Load(Blank with { Closing = "欢迎监督。" });
        model.Closing = "   ";
        model.Signature = "中共某某检察院党组";

        var command = model.ToCommand(roundId, version: null);

        Assert.Equal(new Application.Reports.EditReportCommand(roundId, null, null, null, null, null, null, null, null, null, "中共某某检察院党组"), command);
    }

    [Theory]
    [InlineData("第一行\n第二行", "第一行\r\n第二行 ", false)]
    [InlineData("第一行", "第一行。", true)]
    public void Line_ends_and_surrounding_blanks_are_not_an_edit(string loaded, string shown, bool changed)
    {
        var text = new EditedText();
        text.Load(loaded);
        text.Text = shown;

        Assert.Equal(changed, text.Changed);
    }
}
