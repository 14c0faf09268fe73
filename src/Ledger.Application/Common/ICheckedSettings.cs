namespace Ledger.Application.Common;

/// <summary>
/// A class of settings that says what is wrong with its values, each problem in Chinese naming the setting
/// (<c>Ledger:Evidence:MaxBytes 须大于 0</c>), so a bad configuration stops the host at start with words an
/// administrator can act on, instead of failing the first request that reads it.
/// </summary>
public interface ICheckedSettings
{
    IEnumerable<string> Problems();
}
