using Ledger.Application.Notifications;

namespace Ledger.Web.Ui;

/// <summary>
/// The unread count of the app bar's badge, one per circuit: the inbox page sets it from what marking read answers, so
/// the badge changes with the page and without a second query.
/// </summary>
internal sealed class UnreadNotifications(UiSender sender)
{
    public int Count { get; private set; }

    public event Action? Changed;

    public async Task RefreshAsync()
    {
        var unread = await sender.SendAsync(new GetUnreadNotificationCountQuery());
        if (unread.Succeeded)
        {
            Set(unread.Value!.Count);
        }
    }

    public void Set(int count)
    {
        Count = count;
        Changed?.Invoke();
    }
}
