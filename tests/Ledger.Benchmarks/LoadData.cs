using Bogus;
using Ledger.Application.Common.Security;
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
/// A ledger the size of a busy procuratorate's: rounds of 400 items over 4 aspects, 20 departments,
/// 8 leaders, statuses and deadlines spread so that every list filter has work to do.
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

        var faker = new Faker("zh_CN") { Random = new Randomizer(20250116) };
        var stamp = new ChangeStamp("load-data", new DateTime(2024, 7, 15, 2, 0, 0, DateTimeKind.Utc));
        var departments = Enumerable.Range(1, 20).Select(i => Department.Create($"第{i}部门", stamp)).ToList();
        var leaders = Enumerable.Range(1, 8).Select(_ => Person.Create(faker.Name.FullName(), "副检察长", null, true, stamp)).ToList();
        var staff = departments.ToDictionary(d => d.Id, d => Person.Create(faker.Name.FullName(), "检察官", d.Id, false, stamp));
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
            var round = InspectionRound.Create(new RoundDetails($"市委第{roundNo}巡察组", $"第{roundNo}检察院党组", null, null, new DateOnly(2024, 7, 15), new DateOnly(2024, 10, 15)), stamp);
            var aspects = Aspects.Select(t => round.AddAspect(t, null, stamp)).ToList();
            db.Add(round);
            for (var number = 1; number <= 400 && created < itemCount; number++, created++)
            {
                stamp = stamp with { At = stamp.At.AddMinutes(7) };
                var item = RectificationItem.Create(round.Id, faker.PickRandom(aspects).Id, ItemKind.Feedback, number, faker.PickRandom(Problems), faker.Lorem.Paragraph(), stamp);
                var lead = faker.PickRandom(departments);
                var due = faker.Random.Bool(0.1f) ? Deadline.LongTerm : Deadline.On(new DateOnly(2024, 9, 1).AddDays(faker.Random.Int(0, 365)));
                var person = staff[lead.Id];
                item.Assign(new Assignment(new Assignee(faker.PickRandom(leaders).Id, "leader"), new Assignee(lead.Id, lead.Name), [], new Assignee(person.Id, person.Name)), due, null, stamp);
                item.AddMeasure("一是" + faker.Lorem.Sentence(), lead.Id, due.Date, stamp);
                item.AddMeasure("二是" + faker.Lorem.Sentence(), null, null, stamp);
                var progress = faker.Random.Int(0, 3);
                if (progress >= 1)
                {
                    item.Start(stamp);
                }

                if (progress >= 2)
                {
                    item.MarkPartiallyDone("长期措施持续推进", stamp);
                }

                if (progress >= 3)
                {
                    foreach (var measure in item.Measures)
                    {
                        item.CompleteMeasure(measure.Id, new DateOnly(2024, 12, 31), stamp);
                    }

                    item.MarkCompleted(stamp);
                }

                db.Add(item);
            }

            await db.SaveChangesAsync();
        }

        return created;
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
