using FluentValidation;
using Ledger.Domain.Common;

namespace Ledger.Application.Common.Validation;

/// <summary>Limits shared by several requests, so every form caps a field the same way.</summary>
public static class CommonRules
{
    public const int ShortText = 200;
    public const int LongText = 4000;

    /// <summary>Required as stored: text of spaces or invisible characters alone (<see cref="PlainText"/>) is empty.</summary>
    public static IRuleBuilderOptions<T, string> RequiredText<T>(this IRuleBuilder<T, string> rule, int maxLength = ShortText) =>
        rule.Must(v => PlainText.Block(v) is not null).WithMessage("请填写“{PropertyName}”。").MaximumLength(maxLength);

    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilder<T, string?> rule, int maxLength = LongText) =>
        rule.MaximumLength(maxLength);

    /// <summary>A decision's reason: optional when it agrees, required when it refuses (退回, 驳回).</summary>
    public static IRuleBuilderOptions<T, string?> ReasonWhenRefused<T>(this IRuleBuilder<T, string?> rule, Func<T, bool> refuses, string message) =>
        rule.Must((request, reason) => !refuses(request) || !string.IsNullOrWhiteSpace(reason)).WithMessage(message).MaximumLength(LongText);

    public static IRuleBuilderOptions<T, Guid> RequiredId<T>(this IRuleBuilder<T, Guid> rule) =>
        rule.NotEmpty().WithMessage("请提供“{PropertyName}”。");
}
