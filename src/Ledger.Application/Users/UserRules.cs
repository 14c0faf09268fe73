using FluentValidation;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;

namespace Ledger.Application.Users;

/// <summary>What every account must satisfy, whoever creates or changes it.</summary>
internal static class UserRules
{
    public static void ForDetails<T>(AbstractValidator<T> validator, Func<T, UserDetails> details)
    {
        validator.RuleFor(x => details(x).UserName).RequiredText(50).Matches("^[A-Za-z0-9._-]+$")
            .WithMessage("登录名只能包含字母、数字和 . _ -。").OverridePropertyName("userName");
        validator.RuleFor(x => details(x).DisplayName).RequiredText(50).OverridePropertyName("displayName");
        validator.RuleFor(x => details(x).Roles).NotEmpty().WithMessage("请至少选择一个角色。")
            .Must(r => r.All(Roles.All.Contains)).WithMessage($"角色只能是：{string.Join("、", Roles.All.Select(Roles.ToChinese))}。")
            .OverridePropertyName("roles");
        validator.RuleFor(x => details(x).DepartmentId).NotNull()
            .When(x => details(x).Roles.Any(Roles.Department.Contains))
            .WithMessage("部门负责人和部门经办人须指定所属部门。").OverridePropertyName("departmentId");
        validator.RuleFor(x => details(x).PersonId).NotNull()
            .When(x => details(x).Roles.Contains(Roles.Leader))
            .WithMessage("领导账号须对应人员名单中的一位领导，才能审批其负责的事项。").OverridePropertyName("personId");
    }
}
