using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Application.Auditing;
using Ledger.Application.Calendar;
using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Application.Items;
using Ledger.Application.Notifications;
using Ledger.Application.Reminders;
using Ledger.Application.Reports;
using Ledger.Application.Rounds;
using Ledger.Application.Settings;
using Ledger.Application.Users;
using Ledger.Domain.Reminders;
using Ledger.Infrastructure.Identity;
using Ledger.Infrastructure.Persistence;
using Ledger.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Ledger.Web.Tests.Api;

/// <summary>The audit trail: one record per state change with the right actor, and what supervisors can ask of it.</summary>
public sealed class AuditApiTests(LedgerApiFactory factory) : IClassFixture<LedgerApiFactory>
{
    /// <summary>Sign-in endpoints change sessions, not the ledger; Identity logs them, the audit trail does not.</summary>
    private static readonly string[] NotLedgerChanges = ["POST /api/auth/login", "POST /api/auth/refresh", "POST /api/auth/logout"];

    private static readonly string[] FirstAspect = ["政治建设方面"];

    private readonly HttpClient _office = factory.CreateClient();
    private readonly HttpClient _supervisor = factory.ClientFor(Roles.Supervisor, userName: "supervisor-audit");

    [Fact]
    public async Task Every_state_changing_endpoint_leaves_exactly_one_audit_record_naming_its_actor()
    {
        var ledgers = new Ledgers(_office);
        var covered = new HashSet<string>();
        var admin = factory.ClientFor(Roles.Admin, userName: "admin-audit");

        async Task<T> Step<T>(string route, HttpClient client, string actor, string action, Func<Task<HttpResponseMessage>> send)
        {
            covered.Add(route);
            var before = await AuditIdsAsync();
            using var response = await send();
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{route}: {(int)response.StatusCode} {body}");
            var added = (await AuditPageAsync(string.Empty)).Items.Where(r => !before.Contains(r.Id)).ToList();
            var record = Assert.Single(added);
            Assert.Equal((actor, action), (record.Actor, record.Action));
            Assert.NotEqual(action, record.ActionText);
            return body.Length == 0 ? default! : JsonSerializer.Deserialize<T>(body, LedgerApiFactory.Json)!;
        }

        const string Office = LedgerApiFactory.OfficeUser;
        var department = await Step<Saved>("POST /api/departments", _office, Office, "CreateDepartment", () => _office.PostJsonAsync("/api/departments", new { name = "审计部门" }));
        department = await Step<Saved>("PUT /api/departments/{id:guid}/name", _office, Office, "RenameDepartment", () =>
            _office.PutJsonAsync($"/api/departments/{department.Id}/name", new { version = department.Version, name = "审计牵头部门" }));
        var spare = await ledgers.DepartmentAsync("待删部门");
        spare = await Step<Saved>("PUT /api/departments/{id:guid}/active", _office, Office, "SetDepartmentActive", () =>
            _office.PutJsonAsync($"/api/departments/{spare.Id}/active", new { version = spare.Version, isActive = false }));
        await Step<object>("DELETE /api/departments/{id:guid}", _office, Office, "DeleteDepartment", () => _office.DeleteAsync($"/api/departments/{spare.Id}?version={spare.Version}"));
        var leader = await Step<Saved>("POST /api/people", _office, Office, "CreatePerson", () =>
            _office.PostJsonAsync("/api/people", new { name = "审计领导", isLeader = true, position = "副检察长" }));
        leader = await Step<Saved>("PUT /api/people/{id:guid}", _office, Office, "UpdatePerson", () =>
            _office.PutJsonAsync($"/api/people/{leader.Id}", new { version = leader.Version, name = "审计领导", position = "常务副检察长", isLeader = true }));
        var person = await ledgers.PersonAsync("待删人员");
        person = await Step<Saved>("PUT /api/people/{id:guid}/active", _office, Office, "SetPersonActive", () =>
            _office.PutJsonAsync($"/api/people/{person.Id}/active", new { version = person.Version, isActive = false }));
        await Step<object>("DELETE /api/people/{id:guid}", _office, Office, "DeletePerson", () => _office.DeleteAsync($"/api/people/{person.Id}?version={person.Version}"));

        var roundSaved = await Step<Saved>("POST /api/rounds", _office, Office, "CreateRound", () => _office.PostJsonAsync("/api/rounds", new
        {
            inspectingTeam = "市委第五巡察组",
            inspectedUnit = "某区人民检察院党组",
            aspects = FirstAspect,
        }));
        var round = await _office.GetFromJsonAsync<RoundDto>($"/api/rounds/{roundSaved.Id}", LedgerApiFactory.Json);
        var saved = await Step<Saved>("PUT /api/rounds/{id:guid}", _office, Office, "UpdateRound", () =>
            _office.PutJsonAsync($"/api/rounds/{round!.Id}", new { version = round.Version, inspectingTeam = "市委第五巡察组", inspectedUnit = "某区人民检察院党组", feedbackDate = "2024-07-15" }));
        var aspect = await Step<AspectSaved>("POST /api/rounds/{id:guid}/aspects", _office, Office, "AddAspect", () =>
            _office.PostJsonAsync($"/api/rounds/{round!.Id}/aspects", new { version = saved.Version, title = "作风建设方面" }));
        await Step<AspectSaved>("PUT /api/rounds/{id:guid}/aspects/{aspectId:guid}", _office, Office, "RenameAspect", () =>
            _office.PutJsonAsync($"/api/rounds/{round!.Id}/aspects/{aspect.AspectId}", new { version = aspect.RoundVersion, title = "作风纪律方面" }));
        var item = await Step<ItemState>("POST /api/rounds/{id:guid}/items", _office, Office, "CreateItem", () =>
            _office.PostJsonAsync($"/api/rounds/{round!.Id}/items", new { aspectId = round.Aspects[0].Id, title = "审计问题", description = "描述" }));
        item = await Step<ItemState>("PUT /api/items/{id:guid}", _office, Office, "EditItem", () =>
            _office.PutJsonAsync($"/api/items/{item.Id}", new { version = item.Version, aspectId = round!.Aspects[0].Id, title = "审计问题（修改）" }));
        item = await Step<ItemState>("POST /api/items/{id:guid}/measures", _office, Office, "AddMeasure", () =>
            _office.PostJsonAsync($"/api/items/{item.Id}/measures", new { version = item.Version, text = "建立制度" }));
        var measure = (await ledgers.DetailAsync(item.Id)).Measures.Single().Id;
        item = await Step<ItemState>("PUT /api/items/{id:guid}/measures/{measureId:guid}/evidence-required", _office, Office, "RequireMeasureEvidence", () =>
            _office.PutJsonAsync($"/api/items/{item.Id}/measures/{measure}/evidence-required", new { version = item.Version, required = true }));
        item = await Step<ItemState>("PUT /api/items/{id:guid}/assignment", _office, Office, "AssignItem", () =>
            _office.PutJsonAsync($"/api/items/{item.Id}/assignment", new { version = item.Version, leadDepartmentId = department.Id, responsibleLeaderId = leader.Id, dueDate = "2025-03-31" }));
        item = (await Step<List<ItemState>>("POST /api/items/assignment", _office, Office, "AssignItems", () =>
            _office.PostJsonAsync("/api/items/assignment", new { items = new[] { new { id = item.Id, version = item.Version } }, dueDate = "2025-04-15", reason = "统一调整时限" }))).Single();

        var head = factory.ClientFor(Roles.DepartmentHead, department.Id, userName: "audit-head");
        var staff = factory.ClientFor(Roles.DepartmentStaff, department.Id, userName: "audit-staff");
        var boss = factory.ClientFor(Roles.Leader, personId: leader.Id, userName: "audit-leader");
        Task<ItemState> Act(string action, HttpClient client, string actor, string name, object? extra = null) =>
            Step<ItemState>($"POST /api/items/{{id:guid}}/{action}", client, actor, name, () =>
            {
                var body = new Dictionary<string, object?> { ["version"] = item.Version };
                foreach (var property in extra?.GetType().GetProperties() ?? [])
                {
                    body[property.Name] = property.GetValue(extra);
                }

                return client.PostJsonAsync($"/api/items/{item.Id}/{action}", body);
            });

        item = await Act("acknowledge", head, "audit-head", "AcknowledgeItem");
        item = await Act("start", head, "audit-head", "StartItem");
        item = await Act("chase", _office, Office, "ChaseItem", new { message = "请按期报送进展" });
        item = await Act("supervise", _office, Office, "SuperviseItem", new { replyBy = "2025-01-30" });
        var late = await ledgers.ItemAsync("超期事项");
        await (await _office.PutJsonAsync($"/api/items/{late.Id}/assignment", new { version = late.Version, leadDepartmentId = department.Id, dueDate = "2025-01-10" }))
            .ReadAsync<ItemState>();
        await Step<Application.Reminders.SupervisionNoticeDto>("POST /api/supervision-notices", _office, Office, "SuperviseDepartment", () =>
            _office.PostJsonAsync("/api/supervision-notices", new { departmentId = department.Id, replyBy = "2025-01-30" }));
        item = await Act("instructions", boss, "audit-leader", "InstructItem", new { text = "抓紧落实" });
        item = await Act("instructions/read", head, "audit-head", "ReadInstructions");
        item = await Act("extension/request", head, "audit-head", "RequestExtension", new { newDueDate = "2025-04-30", reason = "需协调" });
        item = await Act("extension/decision", boss, "audit-leader", "DecideExtension", new { approve = true });
        item = await Step<ItemState>("POST /api/items/{id:guid}/progress", staff, "audit-staff", "ReportProgress", () =>
            staff.PostJsonAsync($"/api/items/{item.Id}/progress", new { progress = "已起草制度" }));
        item = await Step<ItemState>("POST /api/items/{id:guid}/measures/{measureId:guid}/complete", staff, "audit-staff", "CompleteMeasure", () =>
            staff.PostJsonAsync($"/api/items/{item.Id}/measures/{measure}/complete", new { version = item.Version }));
        item = await Act("partially-done", head, "audit-head", "MarkItemPartiallyDone", new { reason = "长期措施持续推进" });
        item = await Act("resume", head, "audit-head", "ResumeItem", new { reason = "继续整改" });
        item = await Act("completed", head, "audit-head", "MarkItemCompleted");
        item = await Step<ItemState>("POST /api/items/{id:guid}/evidence", staff, "audit-staff", "AttachEvidence", () =>
            Ledgers.UploadAsync(staff, item.Id, item.Version, "草稿.pdf", Ledgers.Pdf("草稿"), measure));
        var draft = (await ledgers.DetailAsync(item.Id)).Evidence.Single().Id;
        item = await Step<ItemState>("POST /api/items/{id:guid}/evidence/{evidenceId:guid}/withdraw", staff, "audit-staff", "WithdrawEvidence", () =>
            staff.PostJsonAsync($"/api/items/{item.Id}/evidence/{draft}/withdraw", new { version = item.Version, reason = "传错了" }));
        item = await (await Ledgers.UploadAsync(staff, item.Id, item.Version, "制度.pdf", Ledgers.Pdf("制度"), measure)).ReadAsync<ItemState>();
        item = await Act("close-out/request", head, "audit-head", "RequestCloseOut", new { summary = "制度已建立" });
        item = await Act("close-out/review", _office, Office, "ReviewCloseOut", new { pass = true });
        item = await Act("close-out/decision", boss, "audit-leader", "DecideCloseOut", new { approve = true });
        item = await Act("reopen", _office, Office, "ReopenItem", new { reason = "回头看" });

        var settings = await (await _office.GetAsync("/api/settings/workflow")).ReadAsync<WorkflowSettingsDto>();
        await Step<WorkflowSettingsDto>("PUT /api/settings/workflow", _office, Office, "UpdateWorkflowSettings", () =>
            _office.PutJsonAsync("/api/settings/workflow", new { version = settings.Version, allLeadersApprove = false, maxExtensions = 3 }));

        var reminderSettings = await (await _office.GetAsync("/api/reminders/settings")).ReadAsync<ReminderSettingsDto>();
        await Step<ReminderSettingsDto>("PUT /api/reminders/settings", _office, Office, "UpdateReminderSettings", () =>
            _office.PutJsonAsync("/api/reminders/settings", reminderSettings with { Version = null, EscalateAfterOverdueDays = 2, PrincipalAfterOverdueDays = null }));
        await Step<ReminderScanResult>("POST /api/reminders/scan", admin, "admin-audit", "RecordReminders", () => admin.PostAsync("/api/reminders/scan?day=2025-04-29", null));
        await (await admin.PostAsync("/api/reminders/scan?day=2025-04-30", null)).ReadAsync<ReminderScanResult>();
        await Step<DeliveryResult>("POST /api/reminders/dispatch", admin, "admin-audit", "DeliverNotifications", () => admin.PostAsync("/api/reminders/dispatch", null));
        var notice = (await head.GetFromJsonAsync<PagedResult<NotificationDto>>("/api/notifications", LedgerApiFactory.Json))!.Items[0];
        await Step<UnreadCount>("POST /api/notifications/{id:guid}/read", head, "audit-head", "MarkNotificationRead", () => head.PostAsync($"/api/notifications/{notice.Id}/read", null));
        await Step<UnreadCount>("POST /api/notifications/read-all", head, "audit-head", "MarkAllNotificationsRead", () => head.PostAsync("/api/notifications/read-all", null));
        await Step<NotificationSettingsDto>("PUT /api/me/notification-settings", head, "audit-head", "UpdateMyNotificationSettings", () =>
            head.PutJsonAsync("/api/me/notification-settings", new { email = "head@example.gov.cn", emailReminders = true }));
        var failed = await FailedEmailAsync("audit-head");
        await Step<object>("POST /api/reminders/email/{id:guid}/retry", admin, "admin-audit", "RetryEmailDelivery", () => admin.PostAsync($"/api/reminders/email/{failed}/retry", null));
        var holiday = await Step<CalendarDayDto>("PUT /api/calendar/{date}", admin, "admin-audit", "SetCalendarDay", () =>
            admin.PutJsonAsync("/api/calendar/2025-06-03", new { kind = "Holiday", name = "审计假日" }));
        await Step<object>("DELETE /api/calendar/{date}", admin, "admin-audit", "DeleteCalendarDay", () =>
            admin.DeleteAsync($"/api/calendar/2025-06-03?version={holiday.Version}"));

        var user = await Step<UserDto>("POST /api/users", admin, "admin-audit", "CreateUser", () => admin.PostJsonAsync("/api/users", new
        {
            userName = "audited-user",
            displayName = "被审计用户",
            roles = new[] { Roles.DepartmentStaff },
            departmentId = department.Id,
            password = "Start@2025a",
        }));
        var updated = await Step<UserDto>("PUT /api/users/{id:guid}", admin, "admin-audit", "UpdateUser", () => admin.PutJsonAsync($"/api/users/{user.Id}", new
        {
            version = user.Version,
            userName = "audited-user",
            displayName = "被审计的用户",
            roles = new[] { Roles.DepartmentHead },
            departmentId = department.Id,
            isActive = true,
        }));
        await Step<object>("POST /api/users/{id:guid}/password-reset", admin, "admin-audit", "ResetPassword", () =>
            admin.PostJsonAsync($"/api/users/{user.Id}/password-reset", new { version = updated.Version, newPassword = "Reset@2025a" }));
        var own = factory.ClientFor(Roles.DepartmentStaff, department.Id, userName: "password-changer");
        await Step<object>("POST /api/auth/password", own, "password-changer", "ChangePassword", () =>
            own.PostJsonAsync("/api/auth/password", new { currentPassword = LedgerApiFactory.Password, newPassword = "Changed@2025a" }));

        var report = await Step<Saved>("PUT /api/rounds/{id:guid}/report", _office, Office, "EditReport", () =>
            _office.PutJsonAsync($"/api/rounds/{round!.Id}/report", new { version = (Guid?)null, organisation = "成立整改工作领导小组。", nextSteps = "持续巩固整改成效。" }));
        report = await Step<Saved>("PUT /api/rounds/{id:guid}/report/items/{itemId:guid}", _office, Office, "WriteReportItemText", () =>
            _office.PutJsonAsync($"/api/rounds/{round!.Id}/report/items/{item.Id}", new { version = report.Version, text = "已建立审计整改制度。" }));
        await Step<PublishedReportSummary>("POST /api/rounds/{id:guid}/report/editions", _office, Office, "PublishReport", () =>
            _office.PostJsonAsync($"/api/rounds/{round!.Id}/report/editions", new { version = report.Version, issuesReviewed = true }));

        await Step<JsonElement>("POST /api/imports/text", _office, Office, "ImportReport", () => _office.PostJsonAsync("/api/imports/text", new
        {
            text = "市委第一巡察组对某院党组进行了巡察。\n二、问题整改情况\n(一)作风方面\n1.会风不严。\n整改结果:完成",
        }));
        await Step<JsonElement>("POST /api/imports", _office, Office, "ImportReport", () =>
        {
            var form = new MultipartFormDataContent
            {
                { new ByteArrayContent(File.ReadAllBytes(RepositoryFiles.Seed("001_73f4c097e75b81dc.txt"))), "file", "001.txt" },
            };
            return _office.PostAsync("/api/imports", form);
        });
        await Step<JsonElement>("POST /api/rounds/{roundId:guid}/ledger-sheet", _office, Office, "ImportLedgerSheet", async () =>
        {
            using var exported = new MemoryStream(await _office.GetByteArrayAsync($"/api/items/export?roundId={round!.Id}"));
            var rows = MiniExcel.Query(exported, useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => new Dictionary<string, object?>(r)).ToList();
            var added = rows[^1].Keys.ToDictionary(k => k, _ => (object?)null);
            (added["A"], added["B"], added["C"]) = ("2", "政治建设方面", "从 Excel 新增的问题");
            rows.Add(added);
            using var sheet = new MemoryStream();
            await sheet.SaveAsAsync(rows, printHeader: false);
            var file = new ByteArrayContent(sheet.ToArray());
            file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            return await _office.PostAsync($"/api/rounds/{round.Id}/ledger-sheet", new MultipartFormDataContent { { file, "file", "台账.xlsx" } });
        });

        var changing = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .Where(r => r.Contains(" /api/", StringComparison.Ordinal) && !r.StartsWith("GET ", StringComparison.Ordinal))
            .Except(NotLedgerChanges)
            .Order()
            .ToList();
        Assert.Equal(changing, covered.Order());
    }

    /// <summary>A digest every attempt of which failed, as a mail server down for hours leaves it.</summary>
    private async Task<Guid> FailedEmailAsync(string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        var digest = EmailDigest.Create(user.Id, new DateOnly(2025, 1, 15), "head@example.gov.cn", DateTime.UnixEpoch);
        while (digest.State != EmailDigestState.Failed)
        {
            digest.Claim(DateTime.MaxValue.AddYears(-1), EmailDigestSender.Lease);
            digest.AttemptFailed(DateTime.UnixEpoch, "无法连接邮件服务器");
        }

        db.EmailDigests.Add(digest);
        await db.SaveChangesAsync();
        return digest.Id;
    }

    [Fact]
    public void Every_command_and_session_event_has_a_name_supervisors_can_read()
    {
        var commands = typeof(AuditActions).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && !t.IsInterface && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(Ledger.Application.Common.Messaging.ICommand<>)))
            .Select(t => t.Name[..^"Command".Length]);
        var sessionEvents = typeof(AccountEvents).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
        Assert.Equal(commands.Concat(sessionEvents).Order(), AuditActions.Known.Order());
    }

    [Fact]
    public void The_operation_filter_groups_every_action_once()
    {
        var grouped = AuditActions.Groups.SelectMany(g => g.Actions).ToList();
        Assert.Equal(AuditActions.Known.Order(), grouped.Order());
        Assert.Equal(grouped.Count, grouped.Distinct().Count());
    }

    [Fact]
    public async Task A_supervisor_finds_a_moved_deadline_by_its_filter_and_reads_the_item_people_and_kinds_by_name()
    {
        var ledgers = new Ledgers(_office);
        var department = await ledgers.DepartmentAsync("时限审计部门");
        var item = await ledgers.ItemAsync("时限调整审计");
        item = await AssignAsync(item, department.Id, "2025-03-31");
        item = await AssignAsync(item, department.Id, "2025-04-30", "检察长办公会决定延后");

        // The first deadline is set, not moved: only the second assignment is a 时限调整.
        var record = Assert.Single((await AuditPageAsync($"entityId={item.Id}&deadlineChanges=true")).Items);
        Assert.Equal(("AssignItem", "责任分工", "2024年三巡·第1项「时限调整审计」"), (record.Action, record.ActionText, record.Subject));
        var history = Assert.Single(record.Details, c => c.Entity == "ItemHistoryEntry");
        Assert.Contains(history.Values, v => v is { Label: "变更类型", To: "调整时限" });
        Assert.Contains(history.Values, v => v is { Label: "原值", To: "2025年3月31日" });
        Assert.Contains(history.Values, v => v is { Label: "新值", To: "2025年4月30日" });
        Assert.Contains(history.Values, v => v is { Label: "整改事项", To: "2024年三巡·第1项「时限调整审计」" });
        Assert.Contains(record.Details, c => c is { EntityText: "整改事项", Name: "2024年三巡·第1项「时限调整审计」" });

        var first = (await AuditPageAsync($"entityId={item.Id}&action=AssignItem")).Items[^1];
        Assert.Contains(first.Details.SelectMany(c => c.Values), v => v is { Name: "LeadDepartmentId", Label: "牵头部门", To: "时限审计部门" });
        Assert.DoesNotContain(first.Details.SelectMany(c => c.Values), v => v.To == department.Id.ToString());
        Assert.DoesNotContain((await AuditPageAsync("deadlineChanges=true")).Items, r => r.Id == first.Id);
    }

    [Fact]
    public async Task Supervisors_query_by_user_item_and_date_and_export_while_department_users_may_not()
    {
        var ledgers = new Ledgers(_office);
        var item = await ledgers.ItemAsync("审计查询");
        item = await ledgers.ActAsync(item, "start");

        var forItem = await AuditPageAsync($"entityId={item.Id}");
        Assert.Equal(["StartItem", "CreateItem"], forItem.Items.Select(r => r.Action));
        Assert.All(forItem.Items, r => Assert.Equal(LedgerApiFactory.OfficeUser, r.Actor));

        // Now is 2025-01-16 10:00 in China (02:00 UTC): the record belongs to the 16th, not to the UTC date's neighbours.
        Assert.Equal(2, (await AuditPageAsync($"entityId={item.Id}&from=2025-01-16&to=2025-01-16")).TotalCount);
        Assert.Equal(0, (await AuditPageAsync($"entityId={item.Id}&to=2025-01-15")).TotalCount);
        Assert.Equal(0, (await AuditPageAsync($"entityId={item.Id}&from=2025-01-17")).TotalCount);
        Assert.Equal(2, (await AuditPageAsync($"entityId={item.Id}&actor={Uri.EscapeDataString(LedgerApiFactory.OfficeUser)}")).TotalCount);
        Assert.Empty((await AuditPageAsync($"entityId={item.Id}&actor=someone-else")).Items);
        var start = forItem.Items[0];
        Assert.Equal(("启动整改", "整改事项"), (start.ActionText, start.EntityTypeText));
        Assert.Contains(AuditChanges.Read(start.Changes), c => c is { EntityText: "整改事项", StateText: "修改" } && c.Id == item.Id && c.Values.Any(v => v is { Name: "Status", Label: "整改状态", From: "未启动", To: "整改中" }));
        Assert.Contains(start.Changes.EnumerateArray(), c => c.GetProperty("Entity").GetString() == "RectificationItem");

        using var export = await _supervisor.GetAsync($"/api/audit/export?entityId={item.Id}");
        using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(stream, useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        Assert.StartsWith("审计记录", rows[0]["A"]?.ToString(), StringComparison.Ordinal);
        Assert.Equal(["时间", "操作人", "操作", "对象类型", "对象编号", "变更内容", "理由", "操作人账号"], rows[1].Values.Select(v => v?.ToString()));
        Assert.Equal(forItem.Items[0].ActorId.ToString(), rows[3]["H"]?.ToString());
        Assert.Equal(["新增整改事项", "启动整改"], rows.Skip(2).Select(r => r["C"]?.ToString()));
        Assert.Equal("整改事项", rows[3]["D"]?.ToString());
        Assert.StartsWith("2025年1月16日 10:", rows[3]["A"]?.ToString(), StringComparison.Ordinal);

        await (await factory.ClientFor(Roles.DepartmentHead, Guid.NewGuid()).GetAsync("/api/audit")).ProblemAsync(403);
        await (await factory.ClientFor(Roles.Leader).GetAsync("/api/audit/export")).ProblemAsync(403);
        await (await _supervisor.GetAsync("/api/audit?from=2025-02-01&to=2025-01-01")).ProblemAsync(400);
    }

    [Fact]
    public async Task An_items_timeline_merges_its_actions_progress_and_evidence_in_time_order()
    {
        var ledgers = new Ledgers(_office);
        var item = await ledgers.ItemAsync("时间线");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        item = await ledgers.ActAsync(item, "start");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        item = await (await _office.PostJsonAsync($"/api/items/{item.Id}/progress", new { progress = "召开专题会", nextSteps = "修订制度" })).ReadAsync<ItemState>();
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await Ledgers.UploadAsync(_office, item.Id, item.Version, "会议纪要.pdf", Ledgers.Pdf("时间线"), note: "专题会纪要")).ReadAsync<ItemState>();

        var timeline = await (await _supervisor.GetAsync($"/api/items/{item.Id}/timeline")).ReadAsync<List<TimelineEntryDto>>();

        // One line per action: a report and an upload are their own entries, not their commands' records as well.
        Assert.Equal(
            ["Action 新增整改事项", "Action 启动整改", "Progress 报送2025年1月16日进展情况", "Evidence 佐证材料"],
            timeline.Select(e => $"{e.Kind} {e.Title}"));
        Assert.Equal(["未启动 → 整改中"], timeline[1].Lines);
        Assert.Equal(["召开专题会", "下一步：修订制度"], timeline[2].Lines);
        Assert.Contains("会议纪要.pdf（SHA-256 ", timeline[3].Lines[0], StringComparison.Ordinal);
        Assert.Equal(timeline.Select(e => e.At).Order(), timeline.Select(e => e.At));
        await (await factory.ClientFor(Roles.DepartmentStaff, Guid.NewGuid()).GetAsync($"/api/items/{item.Id}/timeline")).ProblemAsync(404);
    }

    [Fact]
    public async Task An_imported_items_timeline_begins_with_its_import()
    {
        var imported = await (await _office.PostJsonAsync("/api/imports/text", new
        {
            text = "市委第二巡察组对某院党组进行了巡察。\n二、问题整改情况\n(一)作风方面\n1.文风不实。\n整改结果:完成",
        })).ReadAsync<Application.Importing.ImportResult>();
        var item = Assert.Single((await (await _office.GetAsync($"/api/items?roundId={imported.RoundId}")).ReadAsync<PagedResult<ItemListDto>>()).Items);

        var timeline = await (await _supervisor.GetAsync($"/api/items/{item.Id}/timeline")).ReadAsync<List<TimelineEntryDto>>();

        var import = Assert.Single(timeline);
        Assert.Equal((TimelineKind.Action, "导入整改报告", LedgerApiFactory.OfficeUser), (import.Kind, import.Title, import.Actor));
        Assert.Contains(import.Lines, l => l.StartsWith("登记事项", StringComparison.Ordinal));
    }

    private async Task<ItemState> AssignAsync(ItemState item, Guid department, string dueDate, string? reason = null) =>
        await (await _office.PutJsonAsync($"/api/items/{item.Id}/assignment", new { version = item.Version, leadDepartmentId = department, dueDate, reason })).ReadAsync<ItemState>();

    private async Task<HashSet<Guid>> AuditIdsAsync() => [.. (await AuditPageAsync(string.Empty)).Items.Select(r => r.Id)];

    private async Task<PagedResult<AuditRecordDto>> AuditPageAsync(string query) =>
        await (await _supervisor.GetAsync($"/api/audit?pageSize=500&{query}")).ReadAsync<PagedResult<AuditRecordDto>>();
}
