using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Application.Common.Security;
using Ledger.Application.Items;
using Ledger.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Web.Tests.Api;

/// <summary>
/// Values out of range answer 400 with the field named, never 500: empty bodies, dates outside 2000–2100, numbers that
/// would wrap, pages that would overflow; text is stored without invisible characters; stored dates far from today
/// break no read.
/// </summary>
public sealed class InputRangeApiTests(LedgerApiFactory factory) : IClassFixture<LedgerApiFactory>
{
    private readonly HttpClient _office = factory.CreateClient();

    [Fact]
    public async Task An_empty_body_for_the_reminder_settings_names_the_missing_fields()
    {
        var problem = await (await _office.PutAsync("/api/reminders/settings", JsonContent("{}"))).ProblemAsync(400);

        Assert.Equal("请填写“提前提醒的工作日数”。", problem.GetProperty("errors").GetProperty("dueSoonOffsets")[0].GetString());
    }

    [Fact]
    public async Task An_account_without_its_optional_fields_is_refused_field_by_field()
    {
        var admin = factory.ClientFor(Roles.Admin, userName: "admin-range");

        var problem = await (await admin.PostAsync("/api/users", JsonContent("""{"userName":"bare","displayName":"无角色"}"""))).ProblemAsync(400);

        var errors = problem.GetProperty("errors");
        Assert.Equal("请填写“角色”。", errors.GetProperty("roles")[0].GetString());
        Assert.Equal("请填写“初始密码”。", errors.GetProperty("password")[0].GetString());

        // Without department, person or the first-password flag, which a supervisor's account does not need: created.
        var created = await admin.PostAsync("/api/users", JsonContent("""{"userName":"bare-supervisor","displayName":"纪检","roles":["Supervisor"],"password":"Init@2025"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Theory]
    [InlineData("/api/items?closedOutTo=9999-12-31", "closedOutTo")]
    [InlineData("/api/items/export?closedOutTo=9999-12-31", "closedOutTo")]
    [InlineData("/api/items?closedOutFrom=1999-12-31", "closedOutFrom")]
    [InlineData("/api/audit?from=0001-01-01", "from")]
    [InlineData("/api/audit/export?to=2101-01-01", "to")]
    [InlineData("/api/rounds/01a24aad-a9ee-7879-842a-ae30ee44aba7/figures?asOf=0205-03-31", "asOf")]
    public async Task A_date_filter_outside_2000_to_2100_is_refused(string url, string field)
    {
        var client = url.StartsWith("/api/audit", StringComparison.Ordinal) ? factory.ClientFor(Roles.Supervisor, userName: "supervisor-range") : _office;

        var problem = await (await client.GetAsync(url)).ProblemAsync(400);

        Assert.Equal("日期须在2000年1月1日至2100年12月31日之间。", problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task A_deadline_typed_as_0205_is_refused()
    {
        var item = await new Ledgers(_office).ItemAsync();

        var problem = await (await _office.PutJsonAsync($"/api/items/{item.Id}/assignment", new { version = item.Version, dueDate = "0205-03-31" })).ProblemAsync(400);

        Assert.Equal("日期须在2000年1月1日至2100年12月31日之间。", problem.GetProperty("errors").GetProperty("dueDate")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, (await _office.PutJsonAsync($"/api/items/{item.Id}/assignment", new { version = item.Version, dueDate = "2100-12-31" })).StatusCode);
    }

    [Fact]
    public async Task Item_numbers_stop_at_9999_instead_of_wrapping_to_negative()
    {
        var ledgers = new Ledgers(_office);
        var round = await ledgers.RoundAsync();

        var huge = await (await _office.PostJsonAsync($"/api/rounds/{round.Id}/items", new { aspectId = round.Aspects[0].Id, title = "序号过大", number = int.MaxValue })).ProblemAsync(400);
        Assert.True(huge.GetProperty("errors").TryGetProperty("number", out _));

        await (await _office.PostJsonAsync($"/api/rounds/{round.Id}/items", new { aspectId = round.Aspects[0].Id, title = "最后一个序号", number = 9999 })).ReadAsync<ItemState>();
        var next = await (await _office.PostJsonAsync($"/api/rounds/{round.Id}/items", new { aspectId = round.Aspects[0].Id, title = "下一个" })).ProblemAsync(400);
        Assert.Equal("序号已超过9999，请指定一个未用的序号。", next.GetProperty("errors").GetProperty("number")[0].GetString());

        Assert.Equal(HttpStatusCode.OK, (await _office.GetAsync($"/api/rounds/{round.Id}/report")).StatusCode);
    }

    [Fact]
    public async Task A_page_whose_offset_would_overflow_is_refused()
    {
        var problem = await (await _office.GetAsync("/api/items?page=2147483647&pageSize=200")).ProblemAsync(400);

        Assert.True(problem.GetProperty("errors").TryGetProperty("page", out _));
    }

    [Fact]
    public async Task Invisible_and_control_characters_are_not_stored_and_names_are_compared_without_them()
    {
        await new Ledgers(_office).DepartmentAsync("综合办公室");

        var twin = await (await _office.PostJsonAsync("/api/departments", new { name = "综合办公室\u200B" })).ProblemAsync(400);
        Assert.Equal("部门“综合办公室”已存在。", twin.GetProperty("errors").GetProperty("name")[0].GetString());

        var round = await new Ledgers(_office).RoundAsync();
        var blank = await (await _office.PostJsonAsync($"/api/rounds/{round.Id}/items", new { aspectId = round.Aspects[0].Id, title = "\u200B\u200B" })).ProblemAsync(400);
        Assert.True(blank.GetProperty("errors").TryGetProperty("title", out _));

        // A decomposed é (e + U+0301) is stored composed, beside a title rid of its bidi override, NUL and ESC.
        var item = await (await _office.PostJsonAsync($"/api/rounds/{round.Id}/items", new { aspectId = round.Aspects[0].Id, title = "\u202E问题\u0000清单\u001Be\u0301" })).ReadAsync<ItemState>();
        var stored = await _office.GetFromJsonAsync<JsonElement>($"/api/items/{item.Id}", LedgerApiFactory.Json);
        Assert.Equal("问题清单é", stored.GetProperty("item").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Stored_deadlines_far_from_today_break_no_read()
    {
        var ledgers = new Ledgers(_office);
        var round = await ledgers.RoundAsync();
        var early = await ledgers.ItemAsync(round, "远古的时限");
        var late = await ledgers.ItemAsync(round, "遥远的时限");
        await ledgers.ActAsync(early, "start");

        // As an older version, a sheet or a hand-edited database may have left them: the API no longer accepts them.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            await db.Items.Where(i => i.Id == early.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.DueDate, new DateOnly(205, 3, 31)));
            await db.Items.Where(i => i.Id == late.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.DueDate, DateOnly.MaxValue));
        }

        foreach (var url in new[]
                 {
                     "/api/dashboard", $"/api/dashboard?roundId={round.Id}", $"/api/rounds/{round.Id}/figures", $"/api/rounds/{round.Id}/report",
                     $"/api/rounds/{round.Id}/report/docx", $"/api/rounds/{round.Id}/report/text", $"/api/items?roundId={round.Id}&sort=Deadline",
                     $"/api/items?roundId={round.Id}&overdue=true", "/api/items/export", "/api/my-work", $"/api/items/{early.Id}",
                 })
        {
            var response = await _office.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
