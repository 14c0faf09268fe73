namespace Ledger.Domain.Items;

/// <summary>What the inspection team handed over: a feedback problem, an immediate fix or a petition case.</summary>
public enum ItemKind
{
    /// <summary>反馈问题.</summary>
    Feedback = 0,

    /// <summary>立行立改: fixed during the inspection itself, still recorded and closed out.</summary>
    ImmediateFix = 1,

    /// <summary>交办信访件: tracked to 办结.</summary>
    Petition = 2,
}
