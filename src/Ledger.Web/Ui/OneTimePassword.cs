using System.Security.Cryptography;

namespace Ledger.Web.Ui;

/// <summary>
/// A first or reset password the administrator hands over, which the user must change at sign-in. It meets Identity's
/// rules (length, a digit, a lower-case letter, a symbol) and leaves out characters read alike on paper (l, 1, o, 0).
/// </summary>
internal static class OneTimePassword
{
    private const string Letters = "abcdefghijkmnpqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "@#%+";

    public static string New()
    {
        Span<char> password = stackalloc char[10];
        for (var i = 0; i < password.Length; i++)
        {
            password[i] = Letters[RandomNumberGenerator.GetInt32(Letters.Length)];
        }

        // A digit and a symbol at random places among the letters.
        var digit = RandomNumberGenerator.GetInt32(password.Length);
        var symbol = (digit + 1 + RandomNumberGenerator.GetInt32(password.Length - 1)) % password.Length;
        password[digit] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
        password[symbol] = Symbols[RandomNumberGenerator.GetInt32(Symbols.Length)];
        return new string(password);
    }
}
