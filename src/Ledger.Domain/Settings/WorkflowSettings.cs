using Ledger.Domain.Common;

namespace Ledger.Domain.Settings;

/// <summary>How the office runs the 销号 and extension workflow; one per ledger, changed only by the office.</summary>
public sealed class WorkflowSettings : AggregateRoot
{
    public const int DefaultMaxExtensions = 2;

    /// <summary>The only row: settings are not per round, so there is nothing to choose between.</summary>
    public static readonly Guid SingletonId = new("4c6e2a9e-0000-7000-8000-000000000001");

    private WorkflowSettings()
    {
    }

    /// <summary>Any leader may approve (销号, extensions), not only the item's 责任领导.</summary>
    public bool AllLeadersApprove { get; private set; }

    /// <summary>How many extensions a leader may approve per item.</summary>
    public int MaxExtensions { get; private set; } = DefaultMaxExtensions;

    /// <summary>What applies while the office has not saved settings.</summary>
    public static WorkflowSettings Defaults() => new() { Id = SingletonId };

    public static WorkflowSettings Create(ChangeStamp stamp)
    {
        var settings = Defaults();
        settings.MarkCreated(stamp);
        return settings;
    }

    public void Change(bool allLeadersApprove, int maxExtensions, ChangeStamp stamp)
    {
        if (maxExtensions is < 0 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(maxExtensions), maxExtensions, "Between 0 and 10.");
        }

        if (allLeadersApprove == AllLeadersApprove && maxExtensions == MaxExtensions)
        {
            return;
        }

        AllLeadersApprove = allLeadersApprove;
        MaxExtensions = maxExtensions;
        Touch(stamp);
    }
}
