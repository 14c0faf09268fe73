using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Domain.Common;
using Ledger.Domain.Items;
using Ledger.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Importing;

/// <summary>Which managed list a name in a document belongs to: 责任部门 (lead, co or a measure's), 责任领导, 责任人.</summary>
public enum NameKind
{
    Department,
    Leader,
    Person,
}

/// <summary>A name the document gives that matches no active department or person, and where it occurs.</summary>
/// <param name="Lines">The lines (for a table, its rows) of the items that name it.</param>
/// <param name="Items">Those items' numbers as the document gives them.</param>
public sealed record UnknownName(NameKind Kind, string Name, IReadOnlyList<int> Lines, IReadOnlyList<int> Items)
{
    /// <summary>Where the name occurs, as the preview and the command line say it: 问题1、3（第7、12行）.</summary>
    public string Occurrences() => $"问题{string.Join("、", Items)}（第{string.Join("、", Lines.Distinct())}行）";
}

public static class NameKinds
{
    /// <summary>部门, 责任领导 or 责任人.</summary>
    public static string ToChinese(this NameKind kind) => kind switch
    {
        NameKind.Department => "部门",
        NameKind.Leader => "责任领导",
        _ => "责任人",
    };
}

/// <summary>
/// The office's choice for a name of the document the lists lack: an existing department or person
/// (<paramref name="ExistingId"/>), a new one (<paramref name="Create"/>), or neither, which leaves the items unassigned.
/// </summary>
public sealed record NameChoice(NameKind Kind, string Name, Guid? ExistingId = null, bool Create = false);

/// <summary>
/// The departments and people an import assigns its items to: the active ones by name, and for the names the document
/// gives that the lists lack, what the office chose in the preview.
/// </summary>
internal sealed class ImportNames
{
    /// <summary>The longest name a person may have (<c>CreatePersonCommand</c>).</summary>
    private const int PersonNameLength = 50;

    private readonly Dictionary<string, Assignee> _departments;
    private readonly Dictionary<string, Assignee> _people;
    private readonly Dictionary<(NameKind Kind, string Name), Assignee> _chosen = [];

    private ImportNames(Dictionary<string, Assignee> departments, Dictionary<string, Assignee> people) =>
        (_departments, _people) = (departments, people);

    public static async Task<ImportNames> LoadAsync(ILedgerDbContext db, CancellationToken cancellationToken)
    {
        var departments = await db.Departments.AsNoTracking().Where(d => d.IsActive)
            .ToDictionaryAsync(d => d.Name, d => new Assignee(d.Id, d.Name), cancellationToken);
        var people = (await db.People.AsNoTracking().Where(p => p.IsActive).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken))
            .GroupBy(p => p.Name).ToDictionary(g => g.Key, g => new Assignee(g.First().Id, g.Key));
        return new ImportNames(departments, people);
    }

    public Assignee? Find(NameKind kind, string name) =>
        _chosen.TryGetValue((kind, name), out var chosen) ? chosen
        : (kind == NameKind.Department ? _departments : _people).GetValueOrDefault(name);

    /// <summary>Every name of the draft no list holds, in the order the document first gives it.</summary>
    public IReadOnlyList<UnknownName> Unknown(ReportDraft draft)
    {
        var found = new Dictionary<(NameKind Kind, string Name), (List<int> Lines, List<int> Items)>();
        foreach (var item in draft.Aspects.SelectMany(a => a.Items))
        {
            foreach (var (kind, name) in Names(item))
            {
                if (Find(kind, name) is not null)
                {
                    continue;
                }

                if (!found.TryGetValue((kind, name), out var where))
                {
                    found[(kind, name)] = where = ([], []);
                }

                if (!where.Items.Contains(item.Number))
                {
                    where.Lines.Add(item.Line);
                    where.Items.Add(item.Number);
                }
            }
        }

        return [.. found.Select(f => new UnknownName(f.Key.Kind, f.Key.Name, f.Value.Lines, f.Value.Items))];
    }

    /// <summary>
    /// Applies the office's choices: maps a name to the existing record it chose, or creates the department or person
    /// (a 责任人 in the department of the first item naming them). Returns what was chosen, in words, for the audit record.
    /// </summary>
    public async Task<string?> ChooseAsync(
        ILedgerDbContext db, ReportDraft draft, IReadOnlyList<NameChoice> choices, ChangeStamp stamp, CancellationToken cancellationToken)
    {
        var unknown = Unknown(draft).ToDictionary(u => (u.Kind, u.Name));
        var said = new List<string>();

        // Departments first: a new 责任人 joins the department the office chose for the item naming them.
        foreach (var (choice, index) in choices.Select((c, i) => (c, i)).OrderBy(c => c.c.Kind != NameKind.Department))
        {
            var field = $"names[{index}]";
            if (!unknown.ContainsKey((choice.Kind, choice.Name)))
            {
                // Known by now (added since the preview) or not in the document: only the document's unknown names are chosen for.
                if (Find(choice.Kind, choice.Name) is null)
                {
                    throw FieldValidation.Error($"{field}.name", $"文档中没有需要对应的{choice.Kind.ToChinese()}“{choice.Name}”。");
                }

                continue;
            }

            if (choice.ExistingId is { } id)
            {
                var existing = await ExistingAsync(db, choice.Kind, id, cancellationToken)
                    ?? throw FieldValidation.Error($"{field}.existingId", $"所选{choice.Kind.ToChinese()}不存在或已停用。");
                _chosen[(choice.Kind, choice.Name)] = existing;
                said.Add($"{choice.Kind.ToChinese()}“{choice.Name}”对应“{existing.Name}”");
            }
            else if (choice.Create)
            {
                _chosen[(choice.Kind, choice.Name)] = await CreateAsync(db, draft, choice, field, stamp, cancellationToken);
                said.Add($"新建{choice.Kind.ToChinese()}“{choice.Name}”");
            }
        }

        return said.Count == 0 ? null : Shortened($"导入时名称对应：{string.Join("；", said)}。");
    }

    private static IEnumerable<(NameKind Kind, string Name)> Names(ItemDraft item)
    {
        IEnumerable<(NameKind, string?)> all =
        [
            (NameKind.Department, item.LeadDepartment),
            .. item.CoDepartments.Select(c => (NameKind.Department, (string?)c)),
            .. item.Measures.Select(m => (NameKind.Department, m.LeadDepartment)),
            (NameKind.Leader, item.ResponsibleLeader),
            (NameKind.Person, item.ResponsiblePerson),
        ];
        return all.Where(n => n.Item2 is not null).Select(n => (n.Item1, n.Item2!));
    }

    private static async Task<Assignee?> ExistingAsync(ILedgerDbContext db, NameKind kind, Guid id, CancellationToken cancellationToken) =>
        kind == NameKind.Department
            ? await db.Departments.AsNoTracking().Where(d => d.Id == id && d.IsActive).Select(d => new Assignee(d.Id, d.Name)).SingleOrDefaultAsync(cancellationToken)
            : await db.People.AsNoTracking().Where(p => p.Id == id && p.IsActive).Select(p => new Assignee(p.Id, p.Name)).SingleOrDefaultAsync(cancellationToken);

    private async Task<Assignee> CreateAsync(
        ILedgerDbContext db, ReportDraft draft, NameChoice choice, string field, ChangeStamp stamp, CancellationToken cancellationToken)
    {
        if (choice.Kind == NameKind.Department)
        {
            // Inactive departments keep their names (DepartmentNames): a second one of the same name would make lists ambiguous.
            if (await db.Departments.AnyAsync(d => d.Name == choice.Name, cancellationToken))
            {
                throw FieldValidation.Error($"{field}.create", $"部门“{choice.Name}”已存在但已停用，请在部门管理中启用，或选择其他部门。");
            }

            var department = Department.Create(choice.Name, stamp);
            db.Departments.Add(department);
            return new Assignee(department.Id, department.Name);
        }

        if (choice.Name.Length > PersonNameLength)
        {
            throw FieldValidation.Error($"{field}.create", $"姓名“{choice.Name}”超过 {PersonNameLength} 个字，不能新建人员，请选择已有人员或不分配。");
        }

        var departmentId = choice.Kind == NameKind.Person
            ? draft.Aspects.SelectMany(a => a.Items)
                .Where(i => i.ResponsiblePerson == choice.Name && i.LeadDepartment is not null)
                .Select(i => Find(NameKind.Department, i.LeadDepartment!)?.Id).FirstOrDefault(id => id is not null)
            : null;
        var person = Person.Create(choice.Name, null, departmentId, choice.Kind == NameKind.Leader, stamp);
        db.People.Add(person);
        return new Assignee(person.Id, person.Name);
    }

    /// <summary>The audit record's reason holds 4,000 characters; a document naming hundreds of units says so in fewer.</summary>
    private static string Shortened(string text) => text.Length <= 4000 ? text : string.Concat(text.AsSpan(0, 3999), "…");
}
