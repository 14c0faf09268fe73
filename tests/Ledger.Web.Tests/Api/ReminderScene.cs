using System.Net.Http.Json;
using Ledger.Application.Common.Security;
using Ledger.Application.Items;
using Ledger.Application.Reminders;
using Ledger.Infrastructure.Persistence;
using Ledger.Testing;
using Ledger.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Web.Tests.Api;

/// <summary>
/// 第一检察部 with 张三 (责任人, account zhangsan) and its head (head), 李四 the 责任领导 (lisi), 王五 the 主要负责人
/// (wangwu), and the office (office-test).
/// </summary>
internal sealed class ReminderScene(LedgerApiFactory factory, Guid department, Guid person, Guid leader)
{
    private static readonly int[] DueSoonOffsets = [5, 3, 1];

    public static async Task<ReminderScene> CreateAsync(LedgerApiFactory factory, int? principalAfter = null)
    {
        var ledgers = new Ledgers(factory.CreateClient());
        var department = await ledgers.DepartmentAsync("第一检察部");
        var person = await ledgers.PersonAsync("张三", department.Id);
        var leader = await ledgers.PersonAsync("李四", isLeader: true);
        var principal = await ledgers.PersonAsync("王五", isLeader: true);
        factory.CreateUser("zhangsan", Roles.DepartmentStaff, department.Id, person.Id);
        factory.CreateUser("head", Roles.DepartmentHead, department.Id);
        factory.CreateUser("lisi", Roles.Leader, personId: leader.Id);
        factory.CreateUser("wangwu", Roles.Leader, personId: principal.Id);
        if (principalAfter is { } days)
        {
            await (await factory.CreateClient().PutJsonAsync("/api/reminders/settings", new
            {
                dueSoonOffsets = DueSoonOffsets,
                escalateAfterOverdueDays = 3,
                principalAfterOverdueDays = days,
                principalLeaderPersonId = principal.Id,
                longTermReviewMonths = 1,
                leaderDigestDay = "Monday",
                progressReminderDay = "Friday",
                progressStaleDays = 7,
                remindOnNonWorkingDays = false,
            })).ReadAsync<Application.Settings.ReminderSettingsDto>();
        }

        return new ReminderScene(factory, department.Id, person.Id, leader.Id);
    }

    public HttpClient Office()
    {
        factory.SignInAgain();
        return factory.CreateClient();
    }

    /// <summary>Signs in afresh: the clock may have moved past the last token's hour.</summary>
    public HttpClient Client(string userName)
    {
        var client = factory.Anonymous();
        using var response = client.PostAsJsonAsync("/api/auth/login", new { userName, password = LedgerApiFactory.Password }).GetAwaiter().GetResult();
        var token = response.ReadAsync<System.Text.Json.JsonElement>().GetAwaiter().GetResult().GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A new item handed to 第一检察部 and 签收 by its head, as the department takes it on.</summary>
    public async Task<ItemState> ItemDueAsync(string title, string dueDate)
    {
        var item = await UnacknowledgedItemDueAsync(title, dueDate);
        return await new Ledgers(HeadClient()).ActAsync(item, "acknowledge");
    }

    public async Task<ItemState> UnacknowledgedItemDueAsync(string title, string dueDate)
    {
        var office = factory.CreateClient();
        var ledgers = new Ledgers(office);
        var item = await ledgers.ItemAsync(await ledgers.RoundAsync(), title);
        return await AssignAsync(item, dueDate);
    }

    /// <summary>The inbox of the client's user, newest first.</summary>
    public static async Task<IReadOnlyList<Application.Notifications.NotificationDto>> InboxAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<Application.Common.PagedResult<Application.Notifications.NotificationDto>>("/api/notifications", LedgerApiFactory.Json))!.Items;

    public HttpClient HeadClient() => factory.ClientFor(Roles.DepartmentHead, department, userName: "head");

    public Guid Department => department;

    /// <summary>Hands the item to 第一检察部 (or <paramref name="leadDepartment"/>) with 张三 (or <paramref name="responsiblePerson"/>) and 李四.</summary>
    public async Task<ItemState> AssignAsync(
        ItemState item, string dueDate, Guid? leadDepartment = null, Guid? responsiblePerson = null, Guid[]? coDepartments = null) =>
        await (await factory.CreateClient().PutJsonAsync($"/api/items/{item.Id}/assignment", new
        {
            version = item.Version,
            leadDepartmentId = leadDepartment ?? department,
            coDepartmentIds = coDepartments ?? [],
            responsiblePersonId = responsiblePerson ?? person,
            responsibleLeaderId = leader,
            dueDate,

            // A later call moves the deadline, which needs a reason; the first one keeps it in its audit record.
            reason = "按整改方案调整时限",
        })).ReadAsync<ItemState>();

    /// <summary>Walks an item to 已完成, 销号申请中 or 已销号 (the step named), the way its owners would.</summary>
    public async Task<Guid> SettleAsync(ItemState item, string lastStep)
    {
        var office = new Ledgers(factory.CreateClient());
        item = await office.ActAsync(item, "start");
        item = await office.ActAsync(item, "completed");
        if (lastStep == "completed")
        {
            return item.Id;
        }

        item = await (await Ledgers.UploadAsync(factory.CreateClient(), item.Id, item.Version, "佐证.pdf", Ledgers.Pdf(item.Id.ToString()))).ReadAsync<ItemState>();
        var head = new Ledgers(HeadClient());
        item = await head.ActAsync(item, "close-out/request", new { summary = "已整改到位" });
        if (lastStep == "close-out/request")
        {
            return item.Id;
        }

        item = await office.ActAsync(item, "close-out/review", new { pass = true, reason = "材料齐全" });
        await new Ledgers(factory.ClientFor(Roles.Leader, personId: leader, userName: "lisi")).ActAsync(item, "close-out/decision", new { approve = true });
        return item.Id;
    }

    /// <summary>Moves the clock to 08:30 in China on that day (never back).</summary>
    public Task AtAsync(DateOnly day)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(0, 30)), TimeSpan.Zero);
        if (at > factory.Clock.GetUtcNow())
        {
            factory.Clock.SetUtcNow(at);
        }

        return Task.CompletedTask;
    }

    /// <summary>The day's scan as the recurring job runs it: scan, then dispatch.</summary>
    public async Task ScanAsync(DateOnly day)
    {
        await AtAsync(day);
        await JobsAsync(j => j.ScanAsync(CancellationToken.None));
    }

    public Task JobsAsync(Func<ReminderJobs, Task> run) => run(factory.Services.GetRequiredService<ReminderJobs>());

    /// <summary>Today's scan without the delivery the job runs after it.</summary>
    public async Task ScanOnlyAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Http.HttpCurrentUser>().ActingAs = ReminderJobs.Actor;
        await scope.ServiceProvider.GetRequiredService<ReminderScan>().RunAsync(null, CancellationToken.None);
    }

    public async Task<T> SendAsync<T>(MediatR.IRequest<T> request)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Http.HttpCurrentUser>().ActingAs = ReminderJobs.Actor;
        return await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(request);
    }

    /// <summary>"Kind stage user" for each reminder decided that day and delivered.</summary>
    public async Task<List<string>> RemindersOnAsync(DateOnly day)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var rows = await db.Reminders.Where(r => r.Day == day)
            .Join(db.Users, r => r.RecipientUserId, u => u.Id, (r, u) => new { r.Kind, r.Stage, u.UserName, r.NotificationId })
            .Join(db.Notifications, r => r.NotificationId, n => n.Id, (r, n) => new { r.Kind, r.Stage, r.UserName, n.DeliveredAt })
            .ToListAsync();
        Assert.All(rows, r => Assert.NotNull(r.DeliveredAt));
        return rows.ConvertAll(r => $"{r.Kind} {r.Stage} {r.UserName}");
    }

    public async Task<List<Guid>> RemindedItemsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Reminders.Select(r => r.ItemId).Distinct().ToListAsync();
    }
}
