using Ledger.Domain.Common;

namespace Ledger.Domain.Items.Rules;

public sealed class MeasureBelongsToItem(Guid? measureId, IEnumerable<Measure> measures) : IBusinessRule
{
    public bool IsBroken() => measureId is { } id && measures.All(m => m.Id != id);

    public string Message => "该整改措施不属于本事项。";
}
