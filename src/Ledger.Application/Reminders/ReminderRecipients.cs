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
/// Turns the part someone plays on an item (责任人, 部门负责人, 配合部门负责人, 责任领导, 整改办, 主要负责人) into the accounts
/// that play it. Everything meant for a 责任人 without an account goes to the lead department's head instead.
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
        ReminderAudience.ResponsiblePerson when parties.ResponsiblePersonId is { } person && _byPerson[person].Any() => _byPerson[person],
        ReminderAudience.ResponsiblePerson or ReminderAudience.DepartmentHead =>
            parties.LeadDepartmentId is { } department ? _headsByDepartment[department] : [],
        ReminderAudience.CoDepartmentHeads => parties.CoDepartmentIds.SelectMany(d => _headsByDepartment[d]),
        ReminderAudience.ResponsibleLeader => parties.ResponsibleLeaderId is { } leader ? _byPerson[leader] : [],
        ReminderAudience.Office => _all.Where(r => r.Roles.Contains(Roles.Office)),
        ReminderAudience.PrincipalLeader => parties.PrincipalLeaderPersonId is { } principal ? _byPerson[principal] : [],
        _ => [],
    };

    /// <summary>The lead department as a request's answer reaches it: the 责任人 (or, without an account, the head) and the head.</summary>
    public IEnumerable<Recipient> LeadDepartment(ReminderParties parties) =>
        For(ReminderAudience.ResponsiblePerson, parties).Concat(For(ReminderAudience.DepartmentHead, parties)).DistinctBy(r => r.UserId);

    /// <summary>The leaders who decide an item's requests: every leader when all approve, else its 责任领导.</summary>
    public IEnumerable<Recipient> Approvers(ReminderParties parties, bool allLeadersApprove) =>
        allLeadersApprove ? _all.Where(r => r.Roles.Contains(Roles.Leader)) : For(ReminderAudience.ResponsibleLeader, parties);

    /// <summary>The accounts of every role given, once each.</summary>
    public IEnumerable<Recipient> InRole(string role) => _all.Where(r => r.Roles.Contains(role));

    /// <summary>
    /// Why an item's reminders reach no one, in the office's words; null when its 责任人 or the lead department's head has
    /// an account.
    /// </summary>
    public string? WhyUnreached(ReminderParties parties, string? personName, string? departmentName)
    {
        if (LeadDepartment(parties).Any())
        {
            return null;
        }

        if (parties.LeadDepartmentId is null)
        {
            return "未明确牵头部门，提醒无人接收。";
        }

        var person = parties.ResponsiblePersonId is null ? "未明确责任人" : $"责任人{personName}没有账号";
        return $"{person}，牵头部门{departmentName}没有部门负责人账号，提醒无人接收。";
    }
}

/// <summary>Who plays which part on an item, as of now.</summary>
public sealed record ReminderParties(
    Guid? ResponsiblePersonId, Guid? LeadDepartmentId, Guid? ResponsibleLeaderId, Guid? PrincipalLeaderPersonId, IReadOnlyList<Guid> CoDepartmentIds);
