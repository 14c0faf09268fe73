using Bogus;
using Ledger.Application.Common.Security;
using Ledger.Domain.Calendar;
using Ledger.Domain.Common;
using Ledger.Domain.Items;
using Ledger.Domain.Organisation;
using Ledger.Domain.Rounds;
using Ledger.Infrastructure.Identity;
using Ledger.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Person = Ledger.Domain.Organisation.Person;

namespace Ledger.Benchmarks;

/// <summary>
/// A ledger shaped like a real one, as of the moment it is seeded: several hundred rounds (100 to 900 items each, fed
/// back over the last three years), 20 departments, 8 leaders; every creation and every step of history lies in the
/// past, deadlines fall around today (a few months after each round's feedback), about one item in ten is long-term,
/// some deadlines were extended, most items whose deadline passed are closed out (some late, a few reopened by 回头看),
/// and about a third of all items are overdue today.
/// </summary>
internal static class LoadData
{
    private static readonly string[] Problems =
    [
        "理论学习中心组学习不够深入", "落实意识形态工作责任制不到位", "党建与业务融合不够紧密", "检察监督职能发挥不充分",
        "案件质量管理存在薄弱环节", "财务管理制度执行不严格", "干部队伍结构不够合理", "基层党组织建设不规范",
        "落实中央八项规定精神有差距", "巡察整改日常监督不到位", "档案管理不规范", "公务用车管理不严格",
    ];

    private static readonly string[] Aspects = ["政治建设方面", "履职尽责方面", "队伍建设方面", "作风建设方面"];

    private static readonly string[] Progress =
    [
        "已召开专题会议研究部署，制定整改方案", "已修订完善相关制度，正在组织学习", "已开展专项检查，发现问题正在整改",
        "已组织专题培训，覆盖全体干警", "已建立长效机制，定期开展督导",
    ];

    private static readonly int[] DeadlineDays = [30, 60, 90, 120, 180, 270, 365];

    /// <summary>The ledger in <paramref name="databaseFile"/> (SQLite), or on PostgreSQL when a connection string is given.</summary>
    public static Task<int> SeedAsync(string databaseFile, int itemCount, string? postgres = null) =>
        postgres is null
            ? SeedAsync(() => new SqliteLedgerDbContext(new DbContextOptionsBuilder<SqliteLedgerDbContext>().UseSqlite($"Data Source={databaseFile}").Options), itemCount)
            : SeedAsync(() => new PostgreSqlLedgerDbContext(new DbContextOptionsBuilder<PostgreSqlLedgerDbContext>().UseNpgsql(postgres).Options), itemCount);

    private static async Task<int> SeedAsync(Func<LedgerDbContext> open, int itemCount)
    {
        await using (var db = open())
        {
            await db.Database.EnsureDeletedAsync();
            await db.Database.MigrateAsync();
        }

        var now = DateTime.UtcNow;
        var today = ChinaCalendar.ToChinaDate(now);
        var faker = new Faker("zh_CN") { Random = new Randomizer(20250116) };
        var firstDay = ChinaCalendar.StartOf(today.AddDays(-1200));
        var setup = new ChangeStamp("load-data", firstDay);
        var departments = Enumerable.Range(1, 20).Select(i => Department.Create($"第{i}部门", setup)).ToList();
        var leaders = Enumerable.Range(1, 8).Select(_ => Person.Create(faker.Name.FullName(), "副检察长", null, true, setup)).ToList();
        var staff = departments.ToDictionary(d => d.Id, d => Person.Create(faker.Name.FullName(), "检察官", d.Id, false, setup));
        await using (var db = open())
        {
            db.AddRange(departments);
            db.AddRange(leaders);
            db.AddRange(staff.Values);
            AddAccounts(db, departments, leaders, staff);
            await db.SaveChangesAsync();
        }

        var created = 0;
        for (var roundNo = 1; created < itemCount; roundNo++)
        {
            await using var db = open();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var feedback = today.AddDays(-faker.Random.Int(3, 1100));
            var roundAt = new Clock(ChinaCalendar.StartOf(feedback).AddHours(9), now, faker.Random);
            var round = InspectionRound.Create(
                new RoundDetails($"市委第{roundNo}巡察组", $"第{roundNo}检察院党组", feedback.AddDays(-60), feedback.AddDays(-30), feedback, feedback.AddDays(180)),
                roundAt.Stamp);
            var aspects = Aspects.Select(t => round.AddAspect(t, null, roundAt.Stamp)).ToList();
            db.Add(round);
            var size = faker.Random.Int(100, 900);
            for (var number = 1; number <= size && created < itemCount; number++, created++)
            {
                var clock = new Clock(roundAt.At.AddMinutes(number), now, faker.Random);
                db.Add(Item(faker, clock, round.Id, faker.PickRandom(aspects).Id, number, feedback, today, departments, leaders, staff));
            }

            await db.SaveChangesAsync();
        }

        return created;
    }

    /// <summary>One item's life from its round's feedback until now: each step happens only if its moment has come.</summary>
    private static RectificationItem Item(
        Faker faker, Clock clock, Guid roundId, Guid aspectId, int number, DateOnly feedback, DateOnly today,
        List<Department> departments, List<Person> leaders, Dictionary<Guid, Person> staff)
    {
        var item = RectificationItem.Create(roundId, aspectId, ItemKind.Feedback, number, faker.PickRandom(Problems), faker.Lorem.Paragraph(), clock.Stamp);
        var lead = faker.PickRandom(departments);
        var person = staff[lead.Id];
        var due = faker.Random.Bool(0.1f) ? Deadline.LongTerm : Deadline.On(feedback.AddDays(faker.PickRandom(DeadlineDays) + faker.Random.Int(-10, 10)));
        if (!clock.Advance(1, 72))
        {
            return item;
        }

        item.Assign(new Assignment(new Assignee(faker.PickRandom(leaders).Id, "leader"), new Assignee(lead.Id, lead.Name), [], new Assignee(person.Id, person.Name)), due, null, clock.Stamp);
        item.AddMeasure("一是" + faker.Lorem.Sentence(), lead.Id, due.Date, clock.Stamp);
        item.AddMeasure("二是" + faker.Lorem.Sentence(), null, null, clock.Stamp);
        if (!clock.Advance(2, 120))
        {
            return item;
        }

        item.Acknowledge(clock.Stamp);
        if (!clock.Advance(24, 1440))
        {
            return item;
        }

        item.Start(clock.Stamp);

        // Settled items: most of those whose deadline has passed, a few of those still running.
        var deadlinePassed = due.Date is { } date && date < today;
        var settles = !due.IsLongTerm && faker.Random.Bool(deadlinePassed ? 0.62f : 0.2f);
        if (due.Date is { } current && faker.Random.Bool(0.1f) && clock.Advance(240, 1200) && clock.Today < current)
        {
            item.RequestExtension(current.AddDays(faker.Random.Int(30, 90)), "整改任务涉及制度修订，需延长时限", 2, clock.Stamp);
            if (!clock.Advance(24, 120))
            {
                return item;
            }

            item.DecideExtension(true, null, clock.Stamp);
        }

        for (var report = faker.Random.Int(0, 2); report > 0; report--)
        {
            if (!clock.Advance(240, 1440))
            {
                return item;
            }

            item.ReportProgress(clock.Today, faker.PickRandom(Progress), null, null, clock.Stamp);
        }

        if (!settles)
        {
            if (faker.Random.Bool(0.3f) && clock.Advance(24, 720))
            {
                item.MarkPartiallyDone("长期措施持续推进", clock.Stamp);
            }

            return item;
        }

        // A settled item finishes around its deadline: most before it, some late.
        var finish = ChinaCalendar.StartOf((item.DueDate ?? today).AddDays(faker.Random.Int(-75, 8)));
        if (!clock.AdvanceTo(finish) || !clock.Advance(1, 24))
        {
            return item;
        }

        foreach (var measure in item.Measures)
        {
            item.CompleteMeasure(measure.Id, clock.Today, clock.Stamp);
        }

        item.AttachEvidence(new EvidenceFile("整改佐证.pdf", Convert.ToHexString(faker.Random.Bytes(32)), 102_400, $"load/{item.Id:N}", "application/pdf"), null, null, clock.Today, clock.Stamp);
        item.MarkCompleted(clock.Stamp);
        if (faker.Random.Bool(0.1f) || !clock.Advance(24, 240))
        {
            return item;
        }

        item.RequestCloseOut("各项措施已落实，佐证材料齐全", clock.Stamp);
        if (faker.Random.Bool(0.05f) || !clock.Advance(24, 168))
        {
            return item;
        }

        item.ReviewCloseOut(true, null, clock.Stamp);
        if (!clock.Advance(24, 168))
        {
            return item;
        }

        item.DecideCloseOut(true, null, clock.Stamp);
        if (faker.Random.Bool(0.02f) && clock.Advance(720, 4000))
        {
            item.Reopen("回头看发现问题反弹", clock.Stamp);
        }

        return item;
    }

    /// <summary>The moment of an item's next step, never later than the seed's now.</summary>
    private sealed class Clock(DateTime start, DateTime now, Randomizer random)
    {
        public DateTime At { get; private set; } = start;

        public ChangeStamp Stamp => new("load-data", At);

        public DateOnly Today => ChinaCalendar.ToChinaDate(At);

        /// <summary>Moves on by a random number of hours; false, staying put, when that would be in the future.</summary>
        public bool Advance(int minHours, int maxHours) => AdvanceTo(At.AddHours(random.Int(minHours, maxHours)).AddMinutes(random.Int(0, 59)));

        public bool AdvanceTo(DateTime at)
        {
            if (at >= now)
            {
                return false;
            }

            At = at > At ? at : At;
            return true;
        }
    }

    /// <summary>
    /// Accounts reminders can reach: a head and the 责任人 of each department, each leader, and the office. Only the
    /// office can sign in (password <see cref="OfficePassword"/>), for load runs against the host; the others are there
    /// to be reminded.
    /// </summary>
    public const string OfficePassword = "Ledger@2025";

    private static void AddAccounts(LedgerDbContext db, List<Department> departments, List<Person> leaders, Dictionary<Guid, Person> staff)
    {
        var roles = Roles.All.ToDictionary(r => r, r => new LedgerRole(r));
        db.Roles.AddRange(roles.Values);
        LedgerUser Account(string name, string role, Guid? departmentId, Guid? personId)
        {
            var user = new LedgerUser { UserName = name, NormalizedUserName = name.ToUpperInvariant(), DisplayName = name, DepartmentId = departmentId, PersonId = personId };
            db.Users.Add(user);
            db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = user.Id, RoleId = roles[role].Id });
            return user;
        }

        foreach (var department in departments)
        {
            Account($"head-{department.Name}", Roles.DepartmentHead, department.Id, null);
            Account($"staff-{department.Name}", Roles.DepartmentStaff, department.Id, staff[department.Id].Id);
        }

        foreach (var leader in leaders)
        {
            Account($"leader-{leader.Name}", Roles.Leader, null, leader.Id);
        }

        var office = Account("office", Roles.Office, null, null);
        office.SecurityStamp = Guid.NewGuid().ToString("N");
        office.PasswordHash = new Microsoft.AspNetCore.Identity.PasswordHasher<LedgerUser>().HashPassword(office, OfficePassword);
    }
}
