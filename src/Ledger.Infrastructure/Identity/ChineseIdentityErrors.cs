using Microsoft.AspNetCore.Identity;

namespace Ledger.Infrastructure.Identity;

/// <summary>Identity's refusals in the words users read.</summary>
internal sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "操作未成功，请重试。");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "当前密码不正确。");

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"登录名“{userName}”无效。");

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"登录名“{userName}”已被使用。");

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"密码至少 {length} 位。");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"密码至少包含 {uniqueChars} 个不同字符。");

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "密码须包含至少一个符号（如 @ # !）。");

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "密码须包含至少一个数字。");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "密码须包含至少一个小写字母。");

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "密码须包含至少一个大写字母。");

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "账号已被他人修改，请刷新后重试。");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
