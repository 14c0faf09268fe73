using Ledger.Application.Importing;
using Ledger.Domain.Items;
using Ledger.Infrastructure.Importing;
using Ledger.Testing;

namespace Ledger.Application.Tests.Importing;

/// <summary>Task lists in tables of other units' making: headers found by their words, whatever row they stand in.</summary>
public class TableLayoutTests
{
    private static ReportDraft Sheet(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var result = ReportParser.Parse(new DocumentReader().Read(OfficeFiles.Xlsx(rows), "台账.xlsx"));
        Assert.Null(result.Error);
        return result.Draft!;
    }

    [Fact]
    public void A_group_header_over_two_named_columns_and_an_aspect_column_merged_down()
    {
        var draft = Sheet([
            ["序号", "方面", "反馈问题", "整改措施", "责任主体", "<", "整改时限", "整改状态"],
            ["^", "^", "^", "^", "责任领导", "责任部门", "^", "^"],
            ["1", "作风建设方面", "会风不严。", "修订会议制度", "张三", "办公室", "45747", "已完成"],
            ["2", "^", "文风不实。", "精简文件", "李四", "办公室、政治部", "2025年6月底", "未启动"],
        ]);

        var items = draft.Aspects.Single().Items;
        Assert.Equal(("作风建设方面", DocumentGenre.LedgerSheet), (draft.Aspects[0].Title, draft.Genre));
        Assert.Equal(("会风不严", "张三", "办公室", new DateOnly(2025, 3, 31), ItemStatus.Completed), (items[0].Title, items[0].ResponsibleLeader, items[0].LeadDepartment, items[0].Deadline!.Date, items[0].Status));
        Assert.Equal((ItemStatus.NotStarted, "政治部", new DateOnly(2025, 6, 30)), (items[1].Status, items[1].CoDepartments.Single(), items[1].Deadline!.Date));
        Assert.DoesNotContain(draft.Warnings, w => w.Cell is not null);
    }

    [Fact]
    public void A_sheet_without_a_header_says_what_it_looked_for()
    {
        var result = ReportParser.Parse(new DocumentReader().Read(OfficeFiles.Xlsx([["甲", "乙"], ["1", "2"]]), "x.xlsx"));

        Assert.StartsWith("没有找到表头行", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_words_in_cells_are_warnings_naming_the_cell()
    {
        var draft = Sheet([["序号", "问题", "完成时限", "状态"], ["1", "会风不严。", "尽快", "研究中"]]);

        Assert.Equal(
            [("第2行·完成时限", "无法识别的整改时限“尽快”。"), ("第2行·状态", "无法识别的整改状态“研究中”。")],
            draft.Warnings.Where(w => w.Cell is not null).Select(w => (w.Cell!, w.Message)));
    }
}
