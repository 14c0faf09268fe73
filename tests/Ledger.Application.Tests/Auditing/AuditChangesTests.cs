using System.Text.Json;
using Ledger.Application.Auditing;

namespace Ledger.Application.Tests.Auditing;

public class AuditChangesTests
{
    [Fact]
    public void Changes_read_in_Chinese_with_every_value_before_and_after()
    {
        var id = Guid.NewGuid();
        using var json = JsonDocument.Parse("""
            [
              {"Entity":"RectificationItem","Id":"ITEM","State":"Modified","Values":{"Status":{"From":"NotStarted","To":"InProgress"}}},
              {"Entity":"Evidence","Id":"00000000-0000-0000-0000-000000000000","State":"Deleted","Values":{"FileName":{"From":"纪要.pdf","To":null}}},
              {"Entity":"Notification","Id":"00000000-0000-0000-0000-000000000000","State":"Added","Values":{"Count":{"From":null,"To":"3"}}},
              {"Entity":"SomethingNew","Id":"not a guid","State":"Unchanged","Values":{}}
            ]
            """.Replace("ITEM", id.ToString(), StringComparison.Ordinal));

        var changes = AuditChanges.Read(json.RootElement);

        Assert.Equal(
            [("整改事项", "修改"), ("佐证材料", "删除"), ("通知", "新增"), ("SomethingNew", "Unchanged")],
            changes.Select(c => (c.EntityText, c.StateText)));
        Assert.Equal(id, changes[0].Id);
        Assert.Equal(new AuditValue("Status", "NotStarted", "InProgress"), changes[0].Values.Single());
        Assert.Equal(new AuditValue("FileName", "纪要.pdf", null), changes[1].Values.Single());
        Assert.Equal(Guid.Empty, changes[3].Id);
        Assert.Empty(changes[3].Values);
    }

    [Fact]
    public void Anything_but_a_list_of_changes_reads_as_none() =>
        Assert.Empty(AuditChanges.Read(JsonDocument.Parse("{}").RootElement));
}
