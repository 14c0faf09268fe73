using Ledger.Domain.Common;

namespace Ledger.Domain.Organisation.Rules;

/// <summary>Departments and people named by the ledger are deactivated, never deleted, so history keeps its names.</summary>
public sealed class ReferencedRecordIsNotDeleted(string what, int references) : IBusinessRule
{
    public bool IsBroken() => references > 0;

    public string Message => $"该{what}已被{references}处台账记录引用，不能删除，可改为停用。";
}
