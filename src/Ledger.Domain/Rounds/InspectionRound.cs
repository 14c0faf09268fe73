using Ledger.Domain.Common;
using Ledger.Domain.Rounds.Rules;

namespace Ledger.Domain.Rounds;

/// <summary>巡察轮次: one inspection of one unit, with its ordered aspects (方面).</summary>
public sealed class InspectionRound : AggregateRoot
{
    private readonly List<Aspect> _aspects = [];

    private InspectionRound()
    {
        InspectingTeam = string.Empty;
        InspectedUnit = string.Empty;
    }

    /// <summary>巡察组, e.g. 市委第三巡察组.</summary>
    public string InspectingTeam { get; private set; }

    /// <summary>被巡察党组织.</summary>
    public string InspectedUnit { get; private set; }

    /// <summary>简称 the office gave the round; null while it goes by <see cref="RoundTag.DefaultShortName"/>.</summary>
    public string? ShortName { get; private set; }

    /// <summary>The name lists tag its items with: <see cref="ShortName"/>, or the default one.</summary>
    public string TagName => RoundTag.NameOf(ShortName, InspectingTeam, InspectionStart, FeedbackDate);

    public DateOnly? InspectionStart { get; private set; }

    public DateOnly? InspectionEnd { get; private set; }

    /// <summary>反馈日期.</summary>
    public DateOnly? FeedbackDate { get; private set; }

    /// <summary>集中整改期限: end of the concentrated rectification period.</summary>
    public DateOnly? RectificationPeriodEnd { get; private set; }

    public IReadOnlyList<Aspect> Aspects => _aspects.OrderBy(a => a.Order).ToList();

    public static InspectionRound Create(RoundDetails details, ChangeStamp stamp)
    {
        var round = new InspectionRound();
        round.Apply(details);
        round.MarkCreated(stamp);
        return round;
    }

    public void Update(RoundDetails details, ChangeStamp stamp)
    {
        Apply(details);
        Touch(stamp);
    }

    /// <summary>Adds an aspect at <paramref name="position"/> (1-based) or at the end; later aspects move down.</summary>
    public Aspect AddAspect(string title, int? position, ChangeStamp stamp)
    {
        var count = _aspects.Count;
        CheckRule(new AspectsAreLimited(count));
        var order = Math.Clamp(position ?? count + 1, 1, count + 1);
        foreach (var later in _aspects.Where(a => a.Order >= order))
        {
            later.MoveTo(later.Order + 1);
        }

        var aspect = new Aspect(Id, title, order);
        _aspects.Add(aspect);
        Touch(stamp);
        return aspect;
    }

    public void RenameAspect(Guid aspectId, string title, ChangeStamp stamp)
    {
        FindAspect(aspectId).Rename(title);
        Touch(stamp);
    }

    public bool HasAspect(Guid aspectId) => _aspects.Any(a => a.Id == aspectId);

    private Aspect FindAspect(Guid aspectId) =>
        _aspects.SingleOrDefault(a => a.Id == aspectId)
        ?? throw new BusinessRuleViolationException(new AspectMustBelongToRound(false));

    private void Apply(RoundDetails details)
    {
        CheckRule(new InspectionPeriodMustBeOrdered(details.InspectionStart, details.InspectionEnd));
        InspectingTeam = Text.RequiredLine(details.InspectingTeam, "InspectingTeam");
        InspectedUnit = Text.RequiredLine(details.InspectedUnit, "InspectedUnit");
        ShortName = PlainText.Line(details.ShortName);
        InspectionStart = details.InspectionStart;
        InspectionEnd = details.InspectionEnd;
        FeedbackDate = details.FeedbackDate;
        RectificationPeriodEnd = details.RectificationPeriodEnd;
    }
}

public sealed record RoundDetails(
    string InspectingTeam,
    string InspectedUnit,
    DateOnly? InspectionStart,
    DateOnly? InspectionEnd,
    DateOnly? FeedbackDate,
    DateOnly? RectificationPeriodEnd,
    string? ShortName = null);
