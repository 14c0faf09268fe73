using System.Net.Sockets;
using System.Text;
using Ledger.Application.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.Text;

namespace Ledger.Infrastructure.Notifications;

/// <summary>
/// A new connection for every message: reminders are one daily digest per person, too few to be worth a pool
/// and the reconnection logic a long-lived connection would need.
/// </summary>
internal sealed class SmtpEmailSender(SmtpOptions options) : IEmailSender
{
    private string Server => $"{options.Host}:{options.Port}";

    public bool IsConfigured => options.IsConfigured;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!options.IsConfigured)
        {
            throw new InvalidOperationException($"No mail server is configured ({SmtpOptions.Section}:Host); check IsConfigured before sending.");
        }

        var mime = ToMime(message);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        using var client = new SmtpClient();
        if (options.AcceptAnyCertificate)
        {
            // Asked for explicitly, for intranet servers with self-signed certificates.
#pragma warning disable CA5359
            client.ServerCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        try
        {
            await client.ConnectAsync(options.Host, options.Port, SocketOptions(options.Security), deadline.Token);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await client.AuthenticateAsync(options.UserName, options.Password ?? string.Empty, deadline.Token);
            }

            await client.SendAsync(mime, deadline.Token);
        }
        catch (Exception ex) when (Reason(ex, cancellationToken) is { } reason)
        {
            throw new EmailDeliveryException(reason, ex);
        }

        await QuitAsync(client, deadline.Token);
    }

    private MimeMessage ToMime(EmailMessage message)
    {
        // MimeKit accepts an empty address, which would go out as the null path "RCPT TO:<>".
        if (string.IsNullOrWhiteSpace(message.ToAddress))
        {
            throw new EmailDeliveryException($"收件人 {message.ToName} 没有邮箱地址");
        }

        MailboxAddress to;
        try
        {
            to = new MailboxAddress(message.ToName, message.ToAddress);
        }
        catch (ParseException ex)
        {
            throw new EmailDeliveryException($"收件人地址无效：{message.ToAddress}", ex);
        }

        var body = new TextPart(TextFormat.Plain);
        body.SetText(Encoding.UTF8, message.Body);
        var from = new MailboxAddress(options.FromName, options.FromAddress
            ?? throw new InvalidOperationException($"{SmtpOptions.Section}:FromAddress is not set."));
        return new MimeMessage([from], [to], message.Subject, body);
    }

    /// <summary>What went wrong, for the admins' list of failed deliveries; null for what is not a delivery failure.</summary>
    private string? Reason(Exception exception, CancellationToken callerToken) => exception switch
    {
        SmtpCommandException e => $"邮件服务器拒收：{(int)e.StatusCode} {e.Message}",
        AuthenticationException e => $"邮件服务器拒绝登录（用户 {options.UserName}）：{e.Message}",
        SslHandshakeException => $"与邮件服务器 {Server} 的 TLS 握手失败：证书不受信任或加密方式不匹配",
        NotSupportedException e => $"邮件服务器 {Server} 不支持所配置的方式：{e.Message}",
        SmtpProtocolException e => $"邮件服务器 {Server} 中断了会话：{e.Message}",
        SocketException e => $"无法连接邮件服务器 {Server}：{e.Message}",
        IOException e => $"与邮件服务器 {Server} 的连接中断：{e.Message}",
        TimeoutException => TimedOut,
        OperationCanceledException when !callerToken.IsCancellationRequested => TimedOut,
        _ => null,
    };

    private string TimedOut => $"邮件服务器 {Server} 在 {options.TimeoutSeconds} 秒内没有完成发送";

    /// <summary>The server has accepted the message by now: a failed QUIT must not make the caller send it again.</summary>
    private static async Task QuitAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or SmtpCommandException or OperationCanceledException)
        {
            // Disposing the client closes the connection regardless.
        }
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.Auto => SecureSocketOptions.Auto,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, null),
    };
}
