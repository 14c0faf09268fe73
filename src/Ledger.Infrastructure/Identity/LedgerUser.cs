using Microsoft.AspNetCore.Identity;

namespace Ledger.Infrastructure.Identity;

/// <summary>A sign-in account. Scope comes from its department (department roles) and person record (leaders).</summary>
public sealed class LedgerUser : IdentityUser<Guid>
{
    public LedgerUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public string DisplayName { get; set; } = string.Empty;

    public Guid? DepartmentId { get; set; }

    public Guid? PersonId { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The user's own choice: reminders by email as well as in the inbox, as one digest a day.</summary>
    public bool EmailReminders { get; set; }

    /// <summary>Set for a first or reset password: until it is changed the account can do nothing else.</summary>
    public bool MustChangePassword { get; set; }
}

public sealed class LedgerRole : IdentityRole<Guid>
{
    public LedgerRole()
    {
        Id = Guid.CreateVersion7();
    }

    public LedgerRole(string name)
        : this()
    {
        Name = name;
        NormalizedName = name.ToUpperInvariant();
    }
}
