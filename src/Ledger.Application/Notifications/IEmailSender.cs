namespace Ledger.Application.Notifications;

/// <summary>Mail out of Ledger. Configured or not: when it is not, reminders reach the in-app inbox only.</summary>
public interface IEmailSender
{
    /// <summary>False when no mail server is configured; nothing is then queued for email.</summary>
    bool IsConfigured { get; }

    /// <summary>Sends one message; returns only once the server has accepted it.</summary>
    /// <exception cref="EmailDeliveryException">The server could not be reached, refused the message or timed out.</exception>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>A plain-text message to one person.</summary>
public sealed record EmailMessage(string ToAddress, string ToName, string Subject, string Body);

/// <summary>A delivery that did not happen; <see cref="Exception.Message"/> says why, for the admins' list of failed deliveries.</summary>
public sealed class EmailDeliveryException(string message, Exception? innerException = null) : Exception(message, innerException);
