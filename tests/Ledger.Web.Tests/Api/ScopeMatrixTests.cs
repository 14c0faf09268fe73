using System.Net;
using System.Net.Http.Json;
using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Application.Items;

namespace Ledger.Web.Tests.Api;

/// <summary>
/// Each role × each item action, on an item led by 办公室 with 政治部 as co-department and 张副检察长 as 责任领导:
/// "ok" means the request got past scope and role: it succeeded, or the lifecycle refused it with 409. 403 is an action
/// refused on a visible item, 404 an item outside the user's scope; any other answer (a 400 of a request the test got
/// wrong, a 500) is a mismatch of its own.
/// </summary>
public sealed class ScopeMatrixTests(LedgerApiFactory factory) : IClassFixture<LedgerApiFactory>
{
    private const string Ok = "ok";

    private static readonly string[] Actions =
        ["read", "start", "progress", "measure", "partially-done", "completed", "close-out/request", "close-out/review", "close-out/decision", "reopen", "assignment", "edit", "acknowledge", "evidence", "extension/request", "extension/decision"];

    /// <summary>Expected outcome per action, in the order of <see cref="Actions"/>.</summary>
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["office"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, "403", Ok, Ok, Ok, "403", Ok, Ok, "403"],
        ["lead-head"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, "403", "403", "403", "403", "403", Ok, Ok, Ok, "403"],
        ["lead-staff"] = [Ok, Ok, Ok, Ok, Ok, Ok, "403", "403", "403", "403", "403", "403", Ok, Ok, "403", "403"],
        ["co-head"] = [Ok, "403", Ok, Ok, "403", "403", "403", "403", "403", "403", "403", "403", "403", Ok, "403", "403"],
        ["other-staff"] = ["404", "404", "404", "404", "404", "404", "403", "403", "403", "403", "403", "403", "404", "404", "403", "403"],
        ["responsible-leader"] = [Ok, "403", "403", "403", "403", "403", "403", "403", Ok, "403", "403", "403", "403", "403", "403", Ok],
        ["other-leader"] = [Ok, "403", "403", "403", "403", "403", "403", "403", "403", "403", "403", "403", "403", "403", "403", "403"],
        ["supervisor"] = [Ok, "403", "403", "403", "403", "403", "403", "403", "403", "403", "403", "403", "403", "403", "403", "403"],
        ["admin"] = [Ok, "403", "403", "403", "403", "403", "403", "403", "403", "403", "403", "403", "403", "403", "403", "403"],
    };

    [Fact]
    public async Task A_departments_round_list_and_round_count_its_own_items_only()
    {
        var office = factory.CreateClient();
        var ledgers = new Ledgers(office);
        var mine = await ledgers.DepartmentAsync("控告申诉检察部");
        var round = await ledgers.RoundAsync();
        var led = await ledgers.ItemAsync(round, "本部门牵头的问题");
        await ledgers.ItemAsync(round, "未交办的问题");
        await (await office.PutJsonAsync($"/api/items/{led.Id}/assignment", new { version = led.Version, leadDepartmentId = mine.Id, dueDate = "2025-03-31" }))
            .ReadAsync<ItemState>();

        var asOffice = (await office.GetFromJsonAsync<List<Application.Rounds.RoundSummaryDto>>("/api/rounds", LedgerApiFactory.Json))!.Single(r => r.Id == round.Id);
        var asDepartment = (await factory.ClientFor(Roles.DepartmentHead, mine.Id).GetFromJsonAsync<List<Application.Rounds.RoundSummaryDto>>("/api/rounds", LedgerApiFactory.Json))!
            .Single(r => r.Id == round.Id);

        Assert.Equal(2, asOffice.ItemCount);
        Assert.Equal(1, asDepartment.ItemCount);

        var roundAsOffice = (await office.GetFromJsonAsync<Application.Rounds.RoundDto>($"/api/rounds/{round.Id}", LedgerApiFactory.Json))!;
        var roundAsDepartment = (await factory.ClientFor(Roles.DepartmentHead, mine.Id).GetFromJsonAsync<Application.Rounds.RoundDto>($"/api/rounds/{round.Id}", LedgerApiFactory.Json))!;
        Assert.Equal((2, 2), (roundAsOffice.ItemCount, roundAsOffice.Aspects.Single().ItemCount));
        Assert.Equal((1, 1), (roundAsDepartment.ItemCount, roundAsDepartment.Aspects.Single().ItemCount));
    }

    [Fact]
    public async Task Every_role_gets_exactly_its_scope()
    {
        var office = factory.CreateClient();
        var ledgers = new Ledgers(office);
        var lead = await ledgers.DepartmentAsync("办公室");
        var co = await ledgers.DepartmentAsync("政治部");
        var other = await ledgers.DepartmentAsync("第一检察部");
        var responsible = await ledgers.PersonAsync("张副检察长", isLeader: true);
        var otherLeader = await ledgers.PersonAsync("王副检察长", isLeader: true);
        var round = await ledgers.RoundAsync();
        var clients = new Dictionary<string, HttpClient>
        {
            ["office"] = office,
            ["lead-head"] = factory.ClientFor(Roles.DepartmentHead, lead.Id),
            ["lead-staff"] = factory.ClientFor(Roles.DepartmentStaff, lead.Id),
            ["co-head"] = factory.ClientFor(Roles.DepartmentHead, co.Id),
            ["other-staff"] = factory.ClientFor(Roles.DepartmentStaff, other.Id),
            ["responsible-leader"] = factory.ClientFor(Roles.Leader, personId: responsible.Id),
            ["other-leader"] = factory.ClientFor(Roles.Leader, personId: otherLeader.Id),
            ["supervisor"] = factory.ClientFor(Roles.Supervisor),
            ["admin"] = factory.ClientFor(Roles.Admin),
        };

        var mismatches = new List<string>();
        foreach (var (role, client) in clients)
        {
            // A fresh item per role, so one role's steps never decide another's outcome.
            var item = await ledgers.ItemAsync(round, $"问题-{role}");
            await (await office.PutJsonAsync($"/api/items/{item.Id}/assignment", new
            {
                version = item.Version,
                leadDepartmentId = lead.Id,
                coDepartmentIds = new[] { co.Id },
                responsibleLeaderId = responsible.Id,
                dueDate = "2025-03-31",
            })).ReadAsync<ItemState>();

            for (var a = 0; a < Actions.Length; a++)
            {
                var status = await SendAsync(client, ledgers, item.Id, Actions[a]);
                var outcome = (int)status is >= 200 and < 300 or (int)HttpStatusCode.Conflict
                    ? Ok
                    : ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (outcome != Expected[role][a])
                {
                    mismatches.Add($"{role} {Actions[a]}: expected {Expected[role][a]}, got {(int)status}");
                }
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public async Task Department_users_list_and_export_only_their_items()
    {
        var office = factory.CreateClient();
        var ledgers = new Ledgers(office);
        var mine = await ledgers.DepartmentAsync("综合业务部");
        var theirs = await ledgers.DepartmentAsync("检务督察部");
        var round = await ledgers.RoundAsync();
        foreach (var (title, lead, co) in new[] { ("我部牵头", mine, (Saved?)null), ("我部配合", theirs, mine), ("与我无关", theirs, null) })
        {
            var item = await ledgers.ItemAsync(round, title);
            await (await office.PutJsonAsync($"/api/items/{item.Id}/assignment", new
            {
                version = item.Version,
                leadDepartmentId = lead.Id,
                coDepartmentIds = co is null ? Array.Empty<Guid>() : [co.Id],
            })).ReadAsync<ItemState>();
        }

        var staff = factory.ClientFor(Roles.DepartmentStaff, mine.Id);
        var page = await (await staff.GetAsync($"/api/items?roundId={round.Id}")).ReadAsync<PagedResult<ItemListDto>>();

        Assert.Equal(["我部牵头", "我部配合"], page.Items.Select(i => i.Title));
        Assert.Equal(2, page.TotalCount);
        using var sheet = new MemoryStream(await staff.GetByteArrayAsync($"/api/items/export?roundId={round.Id}"));
        Assert.Equal(4, MiniExcelLibs.MiniExcel.Query(sheet, useHeaderRow: false).Count());
        Assert.Equal(3, (await (await office.GetAsync($"/api/items?roundId={round.Id}")).ReadAsync<PagedResult<ItemListDto>>()).TotalCount);
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, Ledgers ledgers, Guid id, string action)
    {
        var version = (await ledgers.DetailAsync(id)).Item.Version;
        var response = action switch
        {
            "read" => await client.GetAsync($"/api/items/{id}"),
            "progress" => await client.PostJsonAsync($"/api/items/{id}/progress", new { progress = "已召开专题会议" }),
            "measure" => await client.PostJsonAsync($"/api/items/{id}/measures", new { version, text = "建立制度" }),
            "assignment" => await client.PutJsonAsync($"/api/items/{id}/assignment", new { version, dueDate = "2025-04-30", reason = "调整时限" }),
            "evidence" => await Ledgers.UploadAsync(client, id, version, "纪要.pdf", Ledgers.Pdf(Guid.NewGuid().ToString())),
            "edit" => await client.PutJsonAsync($"/api/items/{id}", new { version, title = "改过的标题", aspectId = (await ledgers.DetailAsync(id)).Item.AspectId }),
            _ => await client.PostJsonAsync($"/api/items/{id}/{action}", new { version, reason = "理由", summary = "已完成", pass = true, approve = true, newDueDate = "2025-06-30" }),
        };
        return response.StatusCode;
    }
}
