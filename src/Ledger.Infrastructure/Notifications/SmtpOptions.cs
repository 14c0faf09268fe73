using System.Diagnostics.CodeAnalysis;
using Ledger.Application.Common;

namespace Ledger.Infrastructure.Notifications;

/// <summary>How the connection to the mail server is secured; mirrors MailKit's <c>SecureSocketOptions</c>.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text throughout.</summary>
    None,

    /// <summary>Upgrade with STARTTLS, and fail if the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,

    /// <summary>TLS on connect for port 465, otherwise STARTTLS when the server offers it and plain text when it does not.</summary>
    Auto,
}

/// <summary>
/// Configuration section <c>Ledger:Smtp</c>. Without <see cref="Host"/> no mail is sent and reminders reach the
/// in-app inbox only.
/// </summary>
public sealed class SmtpOptions : ICheckedSettings
{
    public const string Section = "Ledger:Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>Sign in only when set; intranet relays often accept mail from known hosts without it.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Required when <see cref="Host"/> is set.</summary>
    public string? FromAddress { get; set; }

    public string FromName { get; set; } = "巡察整改台账";

    /// <summary>For the whole exchange with the server: connect, sign in, send, quit.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Skip certificate validation, for intranet servers with self-signed certificates. The connection is
    /// still encrypted but no longer proves who is on the other end, so prefer trusting the server's CA.
    /// </summary>
    public bool AcceptAnyCertificate { get; set; }

    [MemberNotNullWhen(true, nameof(Host))]
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>Without a host the sender reports itself unconfigured; with one, what it needs to send must be there.</summary>
    public IEnumerable<string> Problems()
    {
        if (IsConfigured && string.IsNullOrWhiteSpace(FromAddress))
        {
            yield return $"{Section}:FromAddress 未设置：已设置 {Section}:Host 时须填写发件地址。";
        }

        if (Port is < 1 or > 65535)
        {
            yield return $"{Section}:Port 须在 1 到 65535 之间，现为 {Port}。";
        }

        if (TimeoutSeconds <= 0)
        {
            yield return $"{Section}:TimeoutSeconds 须大于 0，现为 {TimeoutSeconds}。";
        }
    }
}
