using System.Reflection;
using System.Security.Claims;
using Ledger.Application.Common.Security;
using Ledger.Application.Items;
using Ledger.Domain.Items;
using Ledger.Web.Ui;

namespace Ledger.Web.Tests.Ui;

public sealed class ItemStepFormsTests
{
    [Fact]
    public void Acknowledging_starts_the_work_unless_the_user_unticks_it()
    {
        var form = ItemStepForms.All.Single(f => f.Key == "acknowledge");
        var (id, version) = (Guid.NewGuid(), Guid.NewGuid());

        Assert.Equal(new AcknowledgeItemCommand(id, version, Start: true), form.Build(id, version, new ItemStepModel()));
        Assert.Equal(new AcknowledgeItemCommand(id, version, Start: false), form.Build(id, version, new ItemStepModel { StartWork = false }));
    }

    [Fact]
    public void Every_step_the_server_takes_on_an_item_has_one_button_for_its_own_step()
    {
        var commands = typeof(ItemStepAttribute).Assembly.GetTypes()
            .Select(t => (Type: t, Step: t.GetCustomAttribute<ItemStepAttribute>()))
            .Where(x => x.Step is not null)
            .ToList();

        Assert.Equal(commands.Select(c => c.Type.Name).Order(), ItemStepForms.All.Select(f => f.Command.Name).Order());
        Assert.All(commands, c => Assert.Equal(c.Step!.Action, ItemStepForms.All.Single(f => f.Command == c.Type).Action));
        Assert.Equal(ItemStepForms.All.Count, ItemStepForms.All.Select(f => f.Key).Distinct().Count());
    }

    [Fact]
    public void A_step_the_server_offers_becomes_a_button_only_for_a_role_that_sends_its_request()
    {
        var item = Detail([ItemAction.ChangeWork, ItemAction.ReportProgress], measures: 1);

        Assert.Equal(
            ["add-measure", "attach-evidence", "complete-measure", "report-progress"],
            ItemStepForms.Offered(item, User(Roles.DepartmentStaff)).Select(f => f.Key).Order());
        Assert.Equal(
            ["add-measure", "assign", "attach-evidence", "complete-measure", "edit", "report-progress", "require-evidence"],
            ItemStepForms.Offered(item, User(Roles.Office)).Select(f => f.Key).Order());
        Assert.Empty(ItemStepForms.Offered(item with { AvailableActions = [] }, User(Roles.Office)));
    }

    [Fact]
    public void Measure_steps_wait_for_a_measure_to_choose()
    {
        var item = Detail([ItemAction.ChangeWork], measures: 0);

        Assert.DoesNotContain(ItemStepForms.Offered(item, User(Roles.Office)), f => f.Key is "complete-measure" or "require-evidence");
    }

    private static ClaimsPrincipal User(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], authenticationType: "test"));

    private static ItemDetailDto Detail(IReadOnlyList<ItemAction> actions, int measures) =>
        new(
            Components.Items.Row(),
            "说明",
            [],
            null,
            null,
            null,
            null,
            null,
            null,
            [],
            actions,
            Enumerable.Range(1, measures).Select(i => new MeasureDto(Guid.NewGuid(), i, "措施", null, null, null, null, null, false)).ToList(),
            [],
            [],
            [],
            [],
            []);
}
