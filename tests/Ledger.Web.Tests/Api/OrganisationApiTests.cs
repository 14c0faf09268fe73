using System.Net;
using System.Net.Http.Json;
using Ledger.Application.Common;
using Ledger.Application.Organisation;

namespace Ledger.Web.Tests.Api;

public sealed class OrganisationApiTests(LedgerApiFactory factory) : IClassFixture<LedgerApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private readonly Ledgers _ledgers = new(factory.CreateClient());

    private Task<List<DepartmentDto>> DepartmentsAsync(bool includeInactive = false) =>
        _client.GetFromJsonAsync<List<DepartmentDto>>($"/api/departments?includeInactive={includeInactive}", LedgerApiFactory.Json)!;

    [Fact]
    public async Task Department_is_created_renamed_and_deactivated()
    {
        var response = await _client.PostJsonAsync("/api/departments", new { name = "  案件管理部 " });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var saved = await response.ReadAsync<Saved>();
        Assert.Equal($"/api/departments/{saved.Id}", response.Headers.Location?.OriginalString);

        var renamed = await (await _client.PutJsonAsync($"/api/departments/{saved.Id}/name", new { version = saved.Version, name = "案件管理办公室" })).ReadAsync<Saved>();
        await (await _client.PutJsonAsync($"/api/departments/{saved.Id}/active", new { version = renamed.Version, isActive = false })).ReadAsync<Saved>();

        Assert.DoesNotContain(await DepartmentsAsync(), d => d.Id == saved.Id);
        var all = await DepartmentsAsync(includeInactive: true);
        var department = Assert.Single(all, d => d.Id == saved.Id);
        Assert.Equal("案件管理办公室", department.Name);
        Assert.False(department.IsActive);
    }

    [Fact]
    public async Task Department_names_are_required_and_unique()
    {
        var empty = await (await _client.PostJsonAsync("/api/departments", new { name = " " })).ProblemAsync(400);
        Assert.Contains("名称", empty.GetProperty("errors").GetProperty("name")[0].GetString(), StringComparison.Ordinal);

        await _ledgers.DepartmentAsync("检务督察部");
        var duplicate = await (await _client.PostJsonAsync("/api/departments", new { name = "检务督察部" })).ProblemAsync(400);
        Assert.Equal("部门“检务督察部”已存在。", duplicate.GetProperty("errors").GetProperty("name")[0].GetString());
    }

    [Fact]
    public async Task Stale_version_is_refused_with_409_and_the_current_version()
    {
        var saved = await _ledgers.DepartmentAsync("第一检察部");
        var current = await (await _client.PutJsonAsync($"/api/departments/{saved.Id}/name", new { version = saved.Version, name = "第一检察部（刑事）" })).ReadAsync<Saved>();

        var problem = await (await _client.PutJsonAsync($"/api/departments/{saved.Id}/name", new { version = saved.Version, name = "别的名字" })).ProblemAsync(409);

        Assert.Equal(current.Version, problem.GetProperty("currentVersion").GetGuid());
        Assert.Contains(await DepartmentsAsync(), d => d.Name == "第一检察部（刑事）");
    }

    [Fact]
    public async Task Unknown_department_or_person_is_404()
    {
        await (await _client.PutJsonAsync($"/api/departments/{Guid.NewGuid()}/name", new { version = Guid.NewGuid(), name = "x" })).ProblemAsync(404);
        await (await _client.PutJsonAsync($"/api/people/{Guid.NewGuid()}", new { version = Guid.NewGuid(), name = "x" })).ProblemAsync(404);
        await (await _client.DeleteAsync($"/api/people/{Guid.NewGuid()}?version={Guid.NewGuid()}")).ProblemAsync(404);
    }

    [Fact]
    public async Task A_referenced_department_is_never_deleted_but_an_unused_one_is()
    {
        var used = await _ledgers.DepartmentAsync("政治部");
        await _ledgers.PersonAsync("李四", used.Id);
        var unused = await _ledgers.DepartmentAsync("录入错误的部门");

        var refused = await (await _client.DeleteAsync($"/api/departments/{used.Id}?version={used.Version}")).ProblemAsync(409);
        Assert.Equal("ReferencedRecordIsNotDeleted", refused.GetProperty("code").GetString());
        Assert.Contains("停用", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/departments/{unused.Id}?version={unused.Version}")).StatusCode);
        var names = (await DepartmentsAsync(includeInactive: true)).Select(d => d.Name).ToList();
        Assert.Contains("政治部", names);
        Assert.DoesNotContain("录入错误的部门", names);
    }

    [Fact]
    public async Task People_are_created_updated_listed_by_department_and_deactivated()
    {
        var office = await _ledgers.DepartmentAsync("办公室");
        var person = await _ledgers.PersonAsync("王五", office.Id);
        var leader = await _ledgers.PersonAsync("赵六", isLeader: true);

        var updated = await (await _client.PutJsonAsync($"/api/people/{person.Id}", new
        {
            version = person.Version,
            name = "王五",
            position = "主任",
            departmentId = office.Id,
            isLeader = false,
        })).ReadAsync<Saved>();
        await (await _client.PutJsonAsync($"/api/people/{person.Id}/active", new { version = updated.Version, isActive = false })).ReadAsync<Saved>();

        var leaders = await _client.GetFromJsonAsync<List<PersonDto>>("/api/people?leadersOnly=true", LedgerApiFactory.Json);
        Assert.Contains(leaders!, p => p.Id == leader.Id);
        Assert.DoesNotContain(leaders!, p => p.Id == person.Id);
        var inOffice = await _client.GetFromJsonAsync<List<PersonDto>>($"/api/people?departmentId={office.Id}&includeInactive=true", LedgerApiFactory.Json);
        var wang = Assert.Single(inOffice!);
        Assert.Equal(("主任", "办公室", false), (wang.Position, wang.DepartmentName, wang.IsActive));
    }

    [Fact]
    public async Task A_person_in_an_unknown_department_is_a_field_error()
    {
        var problem = await (await _client.PostJsonAsync("/api/people", new { name = "孙七", departmentId = Guid.NewGuid() })).ProblemAsync(400);

        Assert.Equal("所选部门不存在或已停用。", problem.GetProperty("errors").GetProperty("departmentId")[0].GetString());
    }
}
