using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Web.Tests;

/// <summary>A bad setting stops the host as it starts, in words naming the setting, instead of failing a request later.</summary>
public sealed class SettingsTests
{
    [Theory]
    [InlineData("Ledger:Evidence:MaxBytes", "0", "Ledger:Evidence:MaxBytes 须大于 0")]
    [InlineData("Ledger:Evidence:Directory", " ", "Ledger:Evidence:Directory 未设置：值为空白。")]
    [InlineData("Ledger:Evidence:AllowedExtensions:0", ".exe", "Ledger:Evidence:AllowedExtensions 中的“.exe”不受支持，可选：.pdf、")]
    [InlineData("Ledger:DatabaseProvider", "Oracle", "Ledger:DatabaseProvider 的值“Oracle”无法识别，可选：Sqlite、SqlServer、PostgreSql。")]
    [InlineData("Ledger:DataDirectory", " ", "Ledger:DataDirectory 未设置：值为空白。")]
    [InlineData("Ledger:Smtp:Host", "mail.example.gov.cn", "Ledger:Smtp:FromAddress 未设置：已设置 Ledger:Smtp:Host 时须填写发件地址。")]
    [InlineData("Ledger:Smtp:TimeoutSeconds", "0", "Ledger:Smtp:TimeoutSeconds 须大于 0，现为 0。")]
    [InlineData("Ledger:Reminders:PublicBaseUrl", "ledger.example.gov.cn", "Ledger:Reminders:PublicBaseUrl 须为以 http:// 或 https:// 开头的完整地址")]
    [InlineData("Ledger:Jobs:ScanCron", "每天八点半", "Ledger:Jobs:ScanCron 不是有效的 cron 表达式（分 时 日 月 周，如 30 8 * * *），现为“每天八点半”。")]
    [InlineData("Ledger:Jobs:WorkerCount", "两个", "Ledger:Jobs:WorkerCount 的值“两个”无法识别，须为整数。")]
    [InlineData("Ledger:Https:KnownProxies:0", "10.0.0.300", "Ledger:Https:KnownProxies 中的“10.0.0.300”不是 IP 地址（如 10.0.0.5）。")]
    [InlineData("Ledger:Https:KnownNetworks:0", "10.0.0.0/33", "Ledger:Https:KnownNetworks 中的“10.0.0.0/33”不是网段（如 10.0.0.0/24）。")]
    [InlineData("Ledger:Https:Mode", "Always", "Ledger:Https:Mode 的值“Always”无法识别，可选：None、Terminate、Proxy。")]
    public void A_bad_setting_stops_the_host_at_start_naming_the_setting(string key, string value, string message)
    {
        using var factory = new MisconfiguredFactory(key, value);

        var failure = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains(message, string.Join("\n", Chain(failure)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_list_of_evidence_types_replaces_the_built_in_one()
    {
        using var factory = new MisconfiguredFactory("Ledger:Evidence:AllowedExtensions:0", "pdf");

        var evidence = factory.Services.GetRequiredService<Application.EvidenceFiles.EvidenceOptions>();

        Assert.Equal(["pdf"], evidence.AllowedExtensions);
    }

    private static IEnumerable<string> Chain(Exception failure) => failure switch
    {
        AggregateException all => all.InnerExceptions.SelectMany(Chain).Prepend(all.Message),
        { InnerException: { } inner } => Chain(inner).Prepend(failure.Message),
        _ => [failure.Message],
    };

    private sealed class MisconfiguredFactory(string key, string value) : LedgerApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(key, value);
        }
    }
}
