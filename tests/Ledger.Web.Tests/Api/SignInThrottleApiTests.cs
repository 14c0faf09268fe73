using Ledger.Application.Common.Security;
using Microsoft.AspNetCore.Hosting;

namespace Ledger.Web.Tests.Api;

/// <summary>Sign-in attempts are bounded per account and per address: past either bound the answer is 429, whatever the password.</summary>
public sealed class SignInThrottleApiTests(SignInThrottleApiTests.ThrottledHost factory) : IClassFixture<SignInThrottleApiTests.ThrottledHost>
{
    [Fact]
    public async Task Attempts_past_the_accounts_and_then_the_addresss_allowance_answer_429()
    {
        factory.CreateUser("guessed", Roles.Supervisor);

        for (var i = 0; i < 3; i++)
        {
            await (await LoginAsync("guessed", "Wrong@2025")).ProblemAsync(401);
        }

        // Even the right password: the allowance is spent before anything is checked.
        var throttled = await (await LoginAsync("guessed", LedgerApiFactory.Password)).ProblemAsync(429);
        Assert.Equal("登录尝试过于频繁", throttled.GetProperty("title").GetString());

        // Four attempts so far from this address; other names get the rest of its six.
        await (await LoginAsync("someone-1", "Wrong@2025")).ProblemAsync(401);
        await (await LoginAsync("someone-2", "Wrong@2025")).ProblemAsync(401);
        await (await LoginAsync("someone-3", "Wrong@2025")).ProblemAsync(429);
    }

    private Task<HttpResponseMessage> LoginAsync(string userName, string password) =>
        factory.Anonymous().PostJsonAsync("/api/auth/login", new { userName, password });

    /// <summary>Small allowances over a window longer than the test, so no window rolls over in between.</summary>
    public sealed class ThrottledHost : LedgerApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Ledger:SignIn:AttemptsPerAddress", "6");
            builder.UseSetting("Ledger:SignIn:AttemptsPerAccount", "3");
            builder.UseSetting("Ledger:SignIn:WindowLength", "01:00:00");
        }
    }
}
