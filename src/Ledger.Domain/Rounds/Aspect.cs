using Ledger.Domain.Common;

namespace Ledger.Domain.Rounds;

/// <summary>方面: an ordered heading that groups the problems of a round.</summary>
public sealed class Aspect
{
    private Aspect()
    {
        Title = string.Empty;
    }

    internal Aspect(Guid roundId, string title, int order)
    {
        Id = Guid.CreateVersion7();
        RoundId = roundId;
        Title = Text.RequiredLine(title, "Title");
        Order = order;
    }

    public Guid Id { get; private init; }

    public Guid RoundId { get; private init; }

    public string Title { get; private set; }

    /// <summary>1-based position: (一) is 1.</summary>
    public int Order { get; private set; }

    internal void Rename(string title) => Title = Text.RequiredLine(title, "Title");

    internal void MoveTo(int order) => Order = order;
}
