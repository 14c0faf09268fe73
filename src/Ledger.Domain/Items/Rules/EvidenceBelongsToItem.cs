using Ledger.Domain.Common;

namespace Ledger.Domain.Items.Rules;

public sealed class EvidenceBelongsToItem(Guid evidenceId, IEnumerable<Evidence> evidence) : IBusinessRule
{
    public bool IsBroken() => evidence.All(e => e.Id != evidenceId);

    public string Message => "该佐证材料不属于本事项。";
}
