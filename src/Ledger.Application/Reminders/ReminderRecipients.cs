using Ledger.Application.Common.Security;
using Ledger.Domain.Reminders;

namespace Ledger.Application.Reminders;

/// <summary>The active accounts reminders can reach, read once per scan or dispatch.</summary>
public interface IReminderRecipients
{
    Task<RecipientDirectory> LoadAsync(CancellationToken cancellationToken);
}

/// <summary>An account as reminders see it: whose person record it is, which department it heads, where its email goes.</summary>
public sealed record Recipient(
    Guid UserId, string DisplayName, IReadOnlyCollection<string> Roles, Guid? DepartmentId, Guid? PersonId, string? Email, bool EmailReminders)
{
    public bool WantsEmail => EmailReminders && !string.IsNullOrWhiteSpace(Email);
}

/// <summary>
/// Turns the part someone plays on an item (责任人, 部门负责人, 责任领导, 整改办, 主要负责人) into the accounts that play it.
/// A 责任人 without an account is reached through the department head, who is reminded of the same stages.
/// </summary>
public sealed class RecipientDirectory(IEnumerable<Recipient> recipients)
{
    private readonly Recipient[] _all = [.. recipients];
    private readonly ILookup<Guid, Recipient> _byPerson = recipients.Where(r => r.PersonId is not null).ToLookup(r => r.PersonId!.Value);

    private readonly ILookup<Guid, Recipient> _headsByDepartment = recipients
        .Where(r => r.DepartmentId is not null && r.Roles.Contains(Roles.DepartmentHead)).ToLookup(r => r.DepartmentId!.Value);

    public Recipient? Find(Guid userId) => Array.Find(_all, r => r.UserId == userId);

    public IEnumerable<Recipient> For(ReminderAudience audience, ReminderParties parties) => audience switch
    {
        ReminderAudience.ResponsiblePerson => parties.ResponsiblePersonId is { } person ? _byPerson[person] : [],
        ReminderAudience.DepartmentHead => parties.LeadDepartmentId is { } department ? _headsByDepartment[department] : [],
        ReminderAudience.ResponsibleLeader => parties.ResponsibleLeaderId is { } leader ? _byPerson[leader] : [],
        ReminderAudience.Office => _all.Where(r => r.Roles.Contains(Roles.Office)),
        ReminderAudience.PrincipalLeader => parties.PrincipalLeaderPersonId is { } principal ? _byPerson[principal] : [],
        _ => [],
    };
}

/// <summary>Who plays which part on an item, as of now.</summary>
public sealed record ReminderParties(Guid? ResponsiblePersonId, Guid? LeadDepartmentId, Guid? ResponsibleLeaderId, Guid? PrincipalLeaderPersonId);
