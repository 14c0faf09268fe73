using FluentValidation;
using Ledger.Application.Common.Validation;
using Ledger.Domain.Rounds;

namespace Ledger.Application.Rounds;

/// <summary>The facts of a round that both creating and editing it carry.</summary>
public interface IRoundFields
{
    string InspectingTeam { get; }

    string InspectedUnit { get; }

    DateOnly? InspectionStart { get; }

    DateOnly? InspectionEnd { get; }

    DateOnly? FeedbackDate { get; }

    DateOnly? RectificationPeriodEnd { get; }

    /// <summary>简称 that tags the round's items (2024年三巡); blank for the default one.</summary>
    string? ShortName { get; }
}

internal abstract class RoundFieldsValidator<T> : AbstractValidator<T>
    where T : IRoundFields
{
    protected RoundFieldsValidator()
    {
        RuleFor(x => x.InspectingTeam).RequiredText(100);
        RuleFor(x => x.InspectedUnit).RequiredText();
        RuleFor(x => x.ShortName).MaximumLength(RoundTag.ShortNameLength).WithMessage($"简称不能超过{RoundTag.ShortNameLength}个字。");
        RuleFor(x => x.InspectionEnd)
            .GreaterThanOrEqualTo(x => x.InspectionStart)
            .When(x => x.InspectionStart is not null && x.InspectionEnd is not null)
            .WithMessage("进驻结束日期不能早于开始日期。");
        RuleFor(x => x.RectificationPeriodEnd)
            .GreaterThanOrEqualTo(x => x.FeedbackDate)
            .When(x => x.FeedbackDate is not null && x.RectificationPeriodEnd is not null)
            .WithMessage("集中整改期限不能早于反馈日期。");
    }
}

internal static class RoundFieldsExtensions
{
    public static RoundDetails ToDetails(this IRoundFields fields) => new(
        fields.InspectingTeam,
        fields.InspectedUnit,
        fields.InspectionStart,
        fields.InspectionEnd,
        fields.FeedbackDate,
        fields.RectificationPeriodEnd,
        fields.ShortName);
}
