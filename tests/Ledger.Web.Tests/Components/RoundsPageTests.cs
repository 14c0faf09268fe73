using Bunit;
using Ledger.Application.Common.Security;
using Ledger.Application.Rounds;
using Ledger.Web.Components.Pages;

namespace Ledger.Web.Tests.Components;

public sealed class RoundsPageTests : PageContext
{
    private static readonly RoundSummaryDto Round = new(
        Guid.NewGuid(), Guid.NewGuid(), "市委第三巡察组", "某某检察院党组", new DateOnly(2024, 7, 18), new DateOnly(2024, 10, 18), 19, 4, "2024年三巡");

    [Theory]
    [InlineData(Roles.Office, true)]
    [InlineData(Roles.Leader, true)]
    [InlineData(Roles.Supervisor, true)]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.DepartmentHead, false)]
    [InlineData(Roles.DepartmentStaff, false)]
    public void Each_round_links_its_ledger_and_its_report_for_those_who_may_read_the_report(string role, bool report)
    {
        SignIn(role);
        Mediator.Answer<ListRoundsQuery, IReadOnlyList<RoundSummaryDto>>(_ => [Round]);

        var page = Render<Rounds>();

        var row = page.WaitForElement("[data-testid=rounds] tbody tr");
        Assert.Contains("2024年7月18日", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("2024年10月18日", row.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/items?roundId={Round.Id}", page.Find("[data-testid=round-ledger]").GetAttribute("href"));
        Assert.Equal(report ? [$"/rounds/{Round.Id}/report"] : [], page.FindAll("[data-testid=round-report]").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData(Roles.Office, true)]
    [InlineData(Roles.Leader, false)]
    [InlineData(Roles.Supervisor, false)]
    [InlineData(Roles.Admin, false)]
    [InlineData(Roles.DepartmentHead, false)]
    [InlineData(Roles.DepartmentStaff, false)]
    public void Only_the_office_is_offered_creating_editing_and_importing_rounds(string role, bool offered)
    {
        SignIn(role);
        Mediator.Answer<ListRoundsQuery, IReadOnlyList<RoundSummaryDto>>(_ => [Round]);

        var page = Render<Rounds>();

        page.WaitForElement("[data-testid=rounds] tbody tr");
        string[] offers = ["create-round", "import-report", "edit-round", "import-sheet"];
        Assert.Equal(offered ? offers : [], offers.Where(o => page.FindAll($"[data-testid={o}]").Count > 0));
        Assert.Equal(offered ? ["/rounds/import"] : [], page.FindAll("[data-testid=import-report]").Select(a => a.GetAttribute("href")));
    }
}
