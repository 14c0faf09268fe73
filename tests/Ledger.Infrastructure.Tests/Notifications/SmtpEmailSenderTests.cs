using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Ledger.Application.Notifications;
using Ledger.Infrastructure.Notifications;
using Ledger.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ledger.Infrastructure.Tests.Notifications;

public sealed class SmtpEmailSenderTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private static readonly EmailMessage Reminder = new(
        "zhangsan@example.gov.cn",
        "张三",
        "【巡察整改台账】2025年1月16日提醒（3项）",
        "张三，您好：\n\n以下整改事项需要您处理：\n1. 落实“三重一大”决策制度——1月20日到期\n2. 补齐党费收缴台账——已逾期 2 天\n3. 规范公务用车管理——待审核\n");

    [Fact]
    public async Task A_reminder_arrives_with_its_Chinese_subject_and_body_intact()
    {
        await using var smtp = TestSmtpServer.Start();

        await Sender(smtp.Port).SendAsync(Reminder, CancellationToken.None);

        var mail = Assert.Single(smtp.Messages);
        Assert.Equal("ledger@example.gov.cn", mail.From);
        Assert.Equal(["zhangsan@example.gov.cn"], mail.Recipients);
        var message = mail.Parse();
        Assert.Equal(Reminder.Subject, message.Subject);
        Assert.Equal(Reminder.Body.ReplaceLineEndings(), message.TextBody?.ReplaceLineEndings());
        var from = Assert.IsType<MimeKit.MailboxAddress>(Assert.Single(message.From));
        Assert.Equal(("巡察整改台账", "ledger@example.gov.cn"), (from.Name, from.Address));
        var to = Assert.IsType<MimeKit.MailboxAddress>(Assert.Single(message.To));
        Assert.Equal(("张三", "zhangsan@example.gov.cn"), (to.Name, to.Address));
    }

    [Fact]
    public async Task A_line_starting_with_a_dot_survives_the_end_of_data_marker()
    {
        await using var smtp = TestSmtpServer.Start();

        await Sender(smtp.Port).SendAsync(Reminder with { Body = "first\n.\n..two dots\n" }, CancellationToken.None);

        Assert.Equal("first\n.\n..two dots\n".ReplaceLineEndings(), Assert.Single(smtp.Messages).Parse().TextBody?.ReplaceLineEndings());
    }

    [Fact]
    public async Task Concurrent_sends_each_arrive_on_their_own_connection()
    {
        await using var smtp = TestSmtpServer.Start();
        var sender = Sender(smtp.Port);

        var arrived = smtp.WaitForMessagesAsync(5, Wait);

        await Task.WhenAll(Enumerable.Range(1, 5).Select(
            n => sender.SendAsync(Reminder with { ToAddress = $"user{n}@example.gov.cn" }, CancellationToken.None)));

        var received = await arrived;
        Assert.Equal(
            Enumerable.Range(1, 5).Select(n => $"user{n}@example.gov.cn"),
            received.SelectMany(m => m.Recipients).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(SmtpFailure.RefuseConnection, "421 Service not available")]
    [InlineData(SmtpFailure.RejectData, "451 Requested action aborted: local error")]
    [InlineData(SmtpFailure.DropAfterMailFrom, "中断")]
    public async Task A_failing_server_is_a_delivery_failure_that_says_why(SmtpFailure mode, string reason)
    {
        await using var smtp = TestSmtpServer.Start();
        smtp.FailNext(1, mode);

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(smtp.Port).SendAsync(Reminder, CancellationToken.None));

        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task After_failed_sessions_the_next_send_goes_through()
    {
        await using var smtp = TestSmtpServer.Start();
        smtp.FailNext(2, SmtpFailure.DropAfterMailFrom);
        var sender = Sender(smtp.Port);

        await Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendAsync(Reminder, CancellationToken.None));
        await Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendAsync(Reminder, CancellationToken.None));
        await sender.SendAsync(Reminder, CancellationToken.None);

        Assert.Equal(Reminder.Subject, Assert.Single(smtp.Messages).Parse().Subject);
    }

    [Fact]
    public async Task Nothing_listening_is_a_delivery_failure_at_once()
    {
        var port = UnusedPort();
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(
            () => Sender(port, o => o.TimeoutSeconds = 2).SendAsync(Reminder, CancellationToken.None));

        Assert.StartsWith($"无法连接邮件服务器 127.0.0.1:{port}：", failure.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_as_a_delivery_failure()
    {
        using var silent = SilentServer();

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(
            () => Sender(Port(silent), o => o.TimeoutSeconds = 1).SendAsync(Reminder, CancellationToken.None));

        Assert.Contains("1 秒内没有完成发送", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_callers_cancellation_is_a_cancellation_not_a_delivery_failure()
    {
        using var silent = SilentServer();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Sender(Port(silent), o => o.TimeoutSeconds = 30).SendAsync(Reminder, cancellation.Token));
    }

    [Fact]
    public async Task Credentials_for_a_server_without_sign_in_are_a_delivery_failure()
    {
        await using var smtp = TestSmtpServer.Start();

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(
            () => Sender(smtp.Port, o => (o.UserName, o.Password) = ("ledger", "secret")).SendAsync(Reminder, CancellationToken.None));

        Assert.Contains("不支持", failure.Message, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages);
    }

    [Theory]
    [InlineData("张三 at 巡察办", "收件人地址无效：张三 at 巡察办")]
    [InlineData(" ", "收件人 张三 没有邮箱地址")]
    public async Task A_missing_or_invalid_recipient_address_is_a_delivery_failure(string address, string reason)
    {
        await using var smtp = TestSmtpServer.Start();

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(
            () => Sender(smtp.Port).SendAsync(Reminder with { ToAddress = address }, CancellationToken.None));

        Assert.Equal(reason, failure.Message);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task Without_a_host_mail_is_not_configured_and_sending_is_a_bug()
    {
        var sender = new SmtpEmailSender(new SmtpOptions());

        Assert.False(sender.IsConfigured);
        await Assert.ThrowsAsync<InvalidOperationException>(() => sender.SendAsync(Reminder, CancellationToken.None));
    }

    [Fact]
    public void AddEmail_reads_Ledger_Smtp()
    {
        var services = new ServiceCollection().AddEmail(Configuration(new()
        {
            ["Ledger:Smtp:Host"] = "mail.example.gov.cn",
            ["Ledger:Smtp:Port"] = "465",
            ["Ledger:Smtp:Security"] = "SslOnConnect",
            ["Ledger:Smtp:FromAddress"] = "ledger@example.gov.cn",
        })).BuildServiceProvider();

        var options = services.GetRequiredService<SmtpOptions>();
        Assert.Equal(("mail.example.gov.cn", 465, SmtpSecurity.SslOnConnect), (options.Host, options.Port, options.Security));
        Assert.Equal(("巡察整改台账", 30, false), (options.FromName, options.TimeoutSeconds, options.AcceptAnyCertificate));
        Assert.True(services.GetRequiredService<IEmailSender>().IsConfigured);
    }

    [Fact]
    public void AddEmail_refuses_a_host_without_a_sender_address_before_any_mail_is_sent()
    {
        var configuration = Configuration(new() { ["Ledger:Smtp:Host"] = "mail.example.gov.cn" });
        using var services = new ServiceCollection().AddEmail(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IEmailSender>());

        Assert.Equal("Ledger:Smtp:FromAddress 未设置：已设置 Ledger:Smtp:Host 时须填写发件地址。", Assert.Single(error.Failures));
    }

    private static SmtpEmailSender Sender(int port, Action<SmtpOptions>? configure = null)
    {
        var options = new SmtpOptions { Host = "127.0.0.1", Port = port, FromAddress = "ledger@example.gov.cn", TimeoutSeconds = 5 };
        configure?.Invoke(options);
        return new SmtpEmailSender(options);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    /// <summary>Accepts connections (the OS completes them from the backlog) and never says a word.</summary>
    private static TcpListener SilentServer()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    private static int Port(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;

    private static int UnusedPort()
    {
        using var listener = SilentServer();
        return Port(listener);
    }
}
