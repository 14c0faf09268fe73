using System.Security.Claims;
using Ledger.Application.Common.Security;
using Ledger.Application.Reports;
using Ledger.Application.Rounds;
using Ledger.Web.Ui;

namespace Ledger.Web.Tests.Ui;

public sealed class UiAccessTests
{
    [Theory]
    [InlineData(Roles.Office, true, true, true)]
    [InlineData(Roles.Leader, true, false, false)]
    [InlineData(Roles.Supervisor, true, false, false)]
    [InlineData(Roles.Admin, true, false, false)]
    [InlineData(Roles.DepartmentHead, false, false, false)]
    [InlineData(Roles.DepartmentStaff, false, false, false)]
    public void A_page_offers_what_the_requests_allow_the_role(string role, bool readReport, bool write, bool publish)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "test"));

        Assert.True(user.May<ListRoundsQuery>());
        Assert.Equal(readReport, user.May<GetReportDraftQuery>());
        Assert.Equal(readReport, user.May<GetReportFileQuery>());
        Assert.Equal(write, user.May<EditReportCommand>());
        Assert.Equal(write, user.May<WriteReportItemTextCommand>());
        Assert.Equal(publish, user.May<PublishReportCommand>());
        Assert.True(user.May<ListPublishedReportsQuery>());
    }

    [Fact]
    public void Nothing_is_offered_to_a_stranger()
    {
        var stranger = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Office)]));

        Assert.False(stranger.May<ListRoundsQuery>());
        Assert.False(stranger.May<EditReportCommand>());
    }
}
