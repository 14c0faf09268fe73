using System.Net.Http.Json;
using Ledger.Application.Common;
using Ledger.Application.Items;
using Ledger.Application.Rounds;
using Ledger.Domain.Items;
using Ledger.Infrastructure.Spreadsheets;
using Settings = Ledger.Application.Settings.ReminderSettingsDto;

namespace Ledger.Web.Tests.Api;

/// <summary>
/// One round entered once through the API; today is 2025年1月16日:
/// 1 制度建设滞后 (office, due 1月10日, not started: overdue), 2 学习不深入 (politics, due 1月20日, in progress),
/// 3 经费管理不规范 (office, long-term), 4 档案管理混乱 (office, due 1月5日 but completed), 5 会议记录不全 (unassigned).
/// </summary>
public sealed class ListItemsFixture : LedgerApiFactory, IAsyncLifetime
{
    public RoundDto Round { get; private set; } = null!;

    public Saved Office { get; private set; } = null!;

    public Saved Leader { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var ledgers = new Ledgers(CreateClient());
        var client = CreateClient();
        Round = await ledgers.RoundAsync("政治建设方面", "制度执行方面");
        Office = await ledgers.DepartmentAsync("办公室");
        var politics = await ledgers.DepartmentAsync("政治部");
        Leader = await ledgers.PersonAsync("张检察长", isLeader: true);

        async Task<ItemState> Item(string title, int aspect, Saved? department, string? due, bool longTerm = false, Guid? leader = null)
        {
            var item = await ledgers.ItemAsync(Round, title, aspect);
            return department is null ? item : await (await client.PutJsonAsync($"/api/items/{item.Id}/assignment", new
            {
                version = item.Version,
                leadDepartmentId = department.Id,
                dueDate = due,
                isLongTerm = longTerm,
                responsibleLeaderId = leader,
            })).ReadAsync<ItemState>();
        }

        await Item("制度建设滞后", 0, Office, "2025-01-10", leader: Leader.Id);
        await ledgers.ActAsync(await Item("学习不深入", 0, politics, "2025-01-20"), "start");
        await ledgers.ActAsync(await Item("经费管理不规范", 1, Office, null, longTerm: true), "start");
        await ledgers.ActAsync(await ledgers.ActAsync(await Item("档案管理混乱", 1, Office, "2025-01-05"), "start"), "completed");
        await Item("会议记录不全", 1, null, null);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class ListItemsApiTests(ListItemsFixture fixture) : IClassFixture<ListItemsFixture>
{
    private readonly HttpClient _client = fixture.CreateClient();

    private async Task<PagedResult<ItemListDto>> ListAsync(string query = "") =>
        (await _client.GetFromJsonAsync<PagedResult<ItemListDto>>($"/api/items?roundId={fixture.Round.Id}&{query}", LedgerApiFactory.Json))!;

    private async Task<string[]> TitlesAsync(string query) => (await ListAsync(query)).Items.Select(i => i.Title).ToArray();

    [Fact]
    public async Task Default_order_is_by_number_with_the_total_count()
    {
        var page = await ListAsync();

        Assert.Equal(5, page.TotalCount);
        Assert.Equal(["制度建设滞后", "学习不深入", "经费管理不规范", "档案管理混乱", "会议记录不全"], page.Items.Select(i => i.Title));
        Assert.Equal(["政治建设方面", "政治建设方面", "制度执行方面", "制度执行方面", "制度执行方面"], page.Items.Select(i => i.AspectTitle));
    }

    [Fact]
    public async Task Overdue_is_judged_as_of_today_and_ignores_completed_and_long_term_items()
    {
        var overdue = Assert.Single((await ListAsync("overdue=true")).Items);

        Assert.Equal("制度建设滞后", overdue.Title);
        Assert.True(overdue.IsOverdue);
        Assert.Equal((-4, "已超期4个工作日"), (overdue.WorkingDaysLeft, overdue.DeadlineText));
        Assert.Equal(["学习不深入", "经费管理不规范", "档案管理混乱", "会议记录不全"], await TitlesAsync("overdue=false"));
    }

    [Fact]
    public async Task Due_within_days_lists_open_items_with_a_deadline_in_the_window_of_working_days()
    {
        var soon = Assert.Single((await ListAsync("dueWithinDays=7")).Items);

        // Thursday 1月16日 to Monday 1月20日: Friday and Monday.
        Assert.Equal(("学习不深入", 2, "还剩2个工作日", false), (soon.Title, soon.WorkingDaysLeft, soon.DeadlineText, soon.IsOverdue));
        Assert.Equal(["学习不深入"], await TitlesAsync("dueWithinDays=2"));
        Assert.Empty(await TitlesAsync("dueWithinDays=1"));
    }

    [Fact]
    public async Task Settled_long_term_and_undated_items_have_no_working_days_left()
    {
        var items = (await ListAsync()).Items.Where(i => i.Title is "经费管理不规范" or "档案管理混乱" or "会议记录不全").ToList();

        Assert.Equal(3, items.Count);
        Assert.All(items, i => Assert.Equal((null, null), (i.WorkingDaysLeft, i.DeadlineText)));
    }

    [Fact]
    public async Task Filters_by_status_aspect_department_leader_and_keyword()
    {
        Assert.Equal(["学习不深入", "经费管理不规范"], await TitlesAsync("status=InProgress"));
        Assert.Equal(["学习不深入", "经费管理不规范", "档案管理混乱"], await TitlesAsync("status=InProgress&status=Completed"));
        Assert.Equal(["经费管理不规范", "档案管理混乱", "会议记录不全"], await TitlesAsync($"aspectId={fixture.Round.Aspects[1].Id}"));
        Assert.Equal(["制度建设滞后", "经费管理不规范", "档案管理混乱"], await TitlesAsync($"leadDepartmentId={fixture.Office.Id}"));
        Assert.Equal(["制度建设滞后"], await TitlesAsync($"responsibleLeaderId={fixture.Leader.Id}"));
        Assert.Equal(["档案管理混乱"], await TitlesAsync("keyword=" + Uri.EscapeDataString("档案")));
        Assert.Equal(5, (await ListAsync("keyword=" + Uri.EscapeDataString("以会代学"))).TotalCount);
        Assert.Equal(["制度建设滞后", "经费管理不规范"], await TitlesAsync($"leadDepartmentId={fixture.Office.Id}&status=NotStarted&status=InProgress"));
    }

    [Fact]
    public async Task Each_row_and_the_item_carry_the_warning_level_by_the_offices_due_soon_setting()
    {
        async Task<Settings> SetDueSoonAsync(int days) => await (await _client.PutJsonAsync("/api/reminders/settings", new
        {
            dueSoonOffsets = Domain.Settings.ReminderSettings.DefaultDueSoonOffsets,
            escalateAfterOverdueDays = 3,
            longTermReviewMonths = 1,
            leaderDigestDay = "Monday",
            progressReminderDay = "Friday",
            progressStaleDays = 7,
            remindOnNonWorkingDays = false,
            dueSoonWorkingDays = days,
            version = (await _client.GetFromJsonAsync<Settings>("/api/reminders/settings", LedgerApiFactory.Json))!.Version,
        })).ReadAsync<Settings>();

        // 学习不深入 is due on Monday 1月20日, two working days after Thursday 1月16日.
        Assert.Equal(
            [(WarningLevel.Red, "超期"), (WarningLevel.Yellow, "临期"), (WarningLevel.Grey, "长期坚持"), (WarningLevel.Grey, "已完成"), (WarningLevel.Grey, "未定时限")],
            (await ListAsync()).Items.Select(i => (i.Warning, i.WarningText)));
        try
        {
            Assert.Equal(1, (await SetDueSoonAsync(1)).DueSoonWorkingDays);
            var row = (await ListAsync()).Items[1];
            Assert.Equal(WarningLevel.Green, row.Warning);
            Assert.Equal(WarningLevel.Green, (await _client.GetFromJsonAsync<ItemDetailDto>($"/api/items/{row.Id}", LedgerApiFactory.Json))!.Item.Warning);
            Assert.Equal(0, (await ListAsync("dueWithinDays=1")).TotalCount);
        }
        finally
        {
            await SetDueSoonAsync(3);
        }
    }

    [Fact]
    public async Task Sorts_by_deadline_with_undated_items_last_either_way()
    {
        Assert.Equal(["档案管理混乱", "制度建设滞后", "学习不深入"], (await TitlesAsync("sort=Deadline"))[..3]);
        Assert.Equal(["学习不深入", "制度建设滞后", "档案管理混乱"], (await TitlesAsync("sort=Deadline&descending=true"))[..3]);
        Assert.All((await ListAsync("sort=Deadline")).Items.Skip(3), i => Assert.Null(i.DueDate));
    }

    [Fact]
    public async Task Sorts_by_status_and_number_descending()
    {
        Assert.Equal(ItemStatus.Completed, (await ListAsync("sort=Status&descending=true")).Items[0].Status);
        Assert.Equal("会议记录不全", (await ListAsync("sort=Number&descending=true")).Items[0].Title);
        Assert.Equal(5, (await ListAsync("sort=Updated")).Items.Count);
    }

    [Fact]
    public async Task Pages_keep_the_total_and_never_repeat_a_row()
    {
        var pages = new List<ItemListDto>();
        for (var page = 1; page <= 3; page++)
        {
            var result = await ListAsync($"sort=Deadline&pageSize=2&page={page}");
            Assert.Equal(5, result.TotalCount);
            pages.AddRange(result.Items);
        }

        Assert.Equal(5, pages.Select(i => i.Id).Distinct().Count());
    }
}

public sealed class ExportLedgerApiTests(ListItemsFixture fixture) : IClassFixture<ListItemsFixture>
{
    [Fact]
    public async Task The_filtered_ledger_exports_to_xlsx_in_the_offices_layout()
    {
        var response = await fixture.CreateClient().GetAsync($"/api/items/export?roundId={fixture.Round.Id}&sort=Deadline");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Workbook.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("整改台账-2025年1月16日.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal("市委第三巡察组巡察某区人民检察院党组反馈问题整改台账（截至2025年1月16日 10:00）", rows[0]["A"]);
        Assert.Equal(LedgerSheetLayout.ExportHeaders, rows[1].Values.Select(v => v?.ToString()));
        Assert.Equal(7, rows.Count);
        var overdue = rows[3];
        Assert.Equal(
            ["1", "政治建设方面", "制度建设滞后，存在以会代学现象。", "", "张检察长", "办公室", "", "2025年1月10日", "未启动", "", "2024年三巡", "-4", "红", "", "", "0", "0"],
            overdue.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
        Assert.IsType<double>(overdue["A"]);
        Assert.Equal("黄", rows.Single(r => r["C"]?.ToString()?.StartsWith("学习", StringComparison.Ordinal) == true)["M"]);

        // The header row, not the title, is frozen and carries the filter over every row written.
        stream.Position = 0;
        using var zip = new System.IO.Compression.ZipArchive(stream);
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = await sheet.ReadToEndAsync();
        Assert.Contains("<pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" state=\"frozen\" />", xml, StringComparison.Ordinal);
        Assert.Contains("<autoFilter ref=\"A2:Q7\" />", xml, StringComparison.Ordinal);
        Assert.Equal(("档案管理混乱", "已完成"), (rows[2]["C"]?.ToString()?[..6], rows[2]["I"]));
        Assert.Equal("长期坚持", rows.Single(r => r["C"]?.ToString()?.StartsWith("经费", StringComparison.Ordinal) == true)["H"]);
    }
}
