using Ledger.Application.Importing;
using static Ledger.Application.Items.LedgerSheetLayout;
using Assignee = Ledger.Domain.Items.Assignee;
using ItemKind = Ledger.Domain.Items.ItemKind;

namespace Ledger.Application.Tests.Importing;

/// <summary>The ledger-sheet import's plan, row by row, without a database: what each row would do and why not.</summary>
public sealed class LedgerSheetPlannerTests
{
    private const string Aspect = "政治建设方面";

    private static readonly Assignee OfficeDepartment = new(Guid.NewGuid(), "办公室");
    private static readonly Assignee PoliticsDepartment = new(Guid.NewGuid(), "政治部");
    private static readonly Assignee Zhang = new(Guid.NewGuid(), "张三");
    private static readonly Guid AspectId = Guid.NewGuid();
    private static readonly DateOnly Today = new(2025, 1, 16);

    private static readonly SheetNames Names = new(
        new Dictionary<string, Guid> { [Aspect] = AspectId },
        [new(OfficeDepartment, true), new(PoliticsDepartment, true), new(new Assignee(Guid.NewGuid(), "原综合科"), false)],
        [new(Zhang, true), new(new Assignee(Guid.NewGuid(), "李明"), true), new(new Assignee(Guid.NewGuid(), "李明"), true)]);

    private const string AspectHeader = Ledger.Application.Items.LedgerSheetLayout.Aspect;

    private static readonly string[] Columns = [Number, AspectHeader, Problem, Measures, Departments, Deadline, Status];

    private static IReadOnlyList<RowPlan> Plan(string[] headers, string[][] rows, params CurrentItem[] items) =>
        new LedgerSheetPlanner(Names, Today).Plan(
            LedgerSheet.Find([headers, .. rows]),
            items.ToDictionary(i => i[Number]));

    private static CurrentItem Item(
        string number, string status = "整改中", string measures = "建立学习制度", string deadline = "2025年3月31日", DateTime? updatedAt = null) =>
        new(Guid.NewGuid(), updatedAt ?? new DateTime(2025, 1, 10, 2, 0, 0, DateTimeKind.Utc), new Dictionary<string, string?>
        {
            [Number] = number,
            [AspectHeader] = Aspect,
            [Problem] = "理论学习不够深入",
            [Measures] = measures,
            [ResponsibleLeader] = null,
            [Departments] = "办公室",
            [ResponsiblePerson] = null,
            [Deadline] = deadline,
            [Status] = status,
            [Progress] = null,
        });

    private static string[] Row(string number, string measures = "建立学习制度", string departments = "办公室", string deadline = "2025年3月31日", string status = "整改中") =>
        [number, Aspect, "理论学习不够深入", measures, departments, deadline, status];

    [Fact]
    public void A_row_the_round_lacks_creates_an_item_from_every_filled_column()
    {
        var plan = Assert.Single(Plan(Columns, [["3", Aspect, "理论学习不够深入\n学习流于形式", "", "办公室、政治部", "2025-03-31", ""]]));

        Assert.Equal(SheetRowAction.Create, plan.Action);
        Assert.Equal((ItemKind.Feedback, 3, AspectId), (plan.Kind, plan.ItemNumber, plan.AspectId));
        Assert.Equal([Number, AspectHeader, Problem, Departments, Deadline], plan.Changed);
        Assert.Equal((OfficeDepartment, PoliticsDepartment), (plan.Departments!.Value.Lead, Assert.Single(plan.Departments.Value.Co)));
        Assert.Equal(new DateOnly(2025, 3, 31), plan.Deadline!.Value.Date);
    }

    [Fact]
    public void A_row_as_the_ledger_has_it_is_unchanged_and_one_that_differs_updates_only_its_columns()
    {
        var plans = Plan(Columns, [Row("1"), Row("2", deadline: "2025年4月30日")], Item("1"), Item("2"));

        Assert.Equal((SheetRowAction.Unchanged, 0), (plans[0].Action, plans[0].Changed.Count));
        Assert.Equal(SheetRowAction.Update, plans[1].Action);
        Assert.Equal([Deadline], plans[1].Changed);
        Assert.Equal(new DateOnly(2025, 4, 30), plans[1].Deadline!.Value.Date);
    }

    /// <summary>The export gains columns (巡察轮次, 剩余/超期工作日, 预警, 销号日期, 调整次数): an import reads the ones it knows by name.</summary>
    [Fact]
    public void Columns_the_import_does_not_read_are_ignored_wherever_they_stand()
    {
        string[] headers = ["巡察轮次", Deadline, Number, "预警", Problem, AspectHeader, "剩余/超期工作日", "销号日期", "调整次数", "催办次数"];

        var plans = Plan(
            headers,
            [["市委第三巡察组", "2025年3月31日", "1", "黄", "理论学习不够深入", Aspect, "3", "", "2", "5"],
             ["市委第三巡察组", "2025年5月31日", "2", "红", "理论学习不够深入", Aspect, "-4", "", "0", "9"]],
            Item("1"),
            Item("2"));

        Assert.Equal(SheetRowAction.Unchanged, plans[0].Action);
        Assert.Equal([Deadline], plans[1].Changed);
    }

    [Fact]
    public void An_unknown_or_stopped_department_is_an_error_of_its_row_and_column()
    {
        var plan = Assert.Single(Plan(Columns, [Row("1", departments: "办公室、原综合科")], Item("1")));

        Assert.Equal(SheetRowAction.Invalid, plan.Action);
        Assert.Equal(new SheetCellError(2, Departments, "部门“原综合科”不在部门名单中（或已停用），请先在部门管理中添加。"), Assert.Single(plan.Errors));
    }

    [Fact]
    public void A_person_named_twice_in_the_list_is_asked_for_by_the_row()
    {
        var plan = Assert.Single(Plan([Number, AspectHeader, Problem, ResponsibleLeader], [["1", Aspect, "理论学习不够深入", "李明"]], Item("1")));

        Assert.Equal("人员名单中有 2 位“李明”，请在台账中指定。", Assert.Single(plan.Errors).Message);
    }

    [Fact]
    public void A_number_used_twice_is_an_error_on_its_second_row()
    {
        var plans = Plan(Columns, [Row("5"), Row("5"), Row("立行立改 1"), Row("x")]);

        Assert.Empty(plans[0].Errors);
        Assert.Equal(new SheetCellError(3, Number, "序号“5”与第2行重复。"), Assert.Single(plans[1].Errors));
        Assert.Equal((ItemKind.ImmediateFix, 1), (plans[2].Kind, plans[2].ItemNumber));
        Assert.StartsWith("序号“x”无法识别", Assert.Single(plans[3].Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Measures_on_record_stay_and_new_lines_after_them_are_added()
    {
        var plans = Plan(Columns, [Row("1", measures: "建立学习制度\n每月集中学习"), Row("2", measures: "改写的措施")], Item("1"), Item("2"));

        Assert.Equal(["每月集中学习"], plans[0].NewMeasures);
        Assert.Equal("已有的整改措施不能在表格中修改或删除（历史须留痕），只能在末尾另起一行新增。", Assert.Single(plans[1].Errors).Message);
    }

    [Fact]
    public void A_settled_item_keeps_its_work_and_a_status_out_of_reach_is_refused()
    {
        var plans = Plan(Columns, [Row("1", deadline: "2025年6月30日", status: "已销号"), Row("2", status: "已销号")], Item("1", status: "已销号"), Item("2"));

        Assert.Equal("事项“已销号”，不能再修改整改时限。", Assert.Single(plans[0].Errors).Message);
        Assert.Equal((2 + 1, Status), (Assert.Single(plans[1].Errors).Row, plans[1].Errors[0].Column));
    }

    [Fact]
    public void A_change_to_an_item_edited_after_the_sheet_was_exported_is_refused()
    {
        var title = TitleCell("市委第三巡察组巡察整改台账", new DateTimeOffset(2025, 1, 12, 2, 0, 0, TimeSpan.Zero));

        var plans = new LedgerSheetPlanner(Names, Today).Plan(
            LedgerSheet.Find([[title], Columns, Row("1", deadline: "2025年4月30日"), Row("2")]),
            new[] { Item("1", updatedAt: new DateTime(2025, 1, 14, 0, 0, 0, DateTimeKind.Utc)), Item("2", updatedAt: new DateTime(2025, 1, 14, 0, 0, 0, DateTimeKind.Utc)) }
                .ToDictionary(i => i[Number]));

        Assert.StartsWith("该事项在本表导出（2025年1月12日 10:00）之后已有改动", Assert.Single(plans[0].Errors).Message, StringComparison.Ordinal);
        Assert.Equal(SheetRowAction.Unchanged, plans[1].Action);
    }

    [Fact]
    public void Progress_is_dated_by_its_cell_or_today()
    {
        string[] headers = [Number, AspectHeader, Problem, Progress];

        var plans = Plan(headers, [["1", Aspect, "理论学习不够深入", "召开专题会议"], ["2", Aspect, "理论学习不够深入", "2025年1月15日：完成自查"]], Item("1"), Item("2"));

        Assert.Equal((Today, "召开专题会议"), plans[0].Progress);
        Assert.Equal((new DateOnly(2025, 1, 15), "完成自查"), plans[1].Progress);
    }

    [Fact]
    public void A_sheet_without_its_header_row_or_a_required_column_is_refused()
    {
        var none = Assert.Throws<FluentValidation.ValidationException>(() => LedgerSheet.Find([["随便", "什么"], ["1", "2"]]));
        var missing = Assert.Throws<FluentValidation.ValidationException>(() => LedgerSheet.Find([[Number, Problem], ["1", "问题"]]));

        Assert.StartsWith("没有找到表头行", Assert.Single(none.Errors).ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("表头缺少“方面”列，未导入。", Assert.Single(missing.Errors).ErrorMessage);
    }
}
