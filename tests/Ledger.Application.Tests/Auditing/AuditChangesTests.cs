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
              {"Entity":"ItemHistoryEntry","Id":"00000000-0000-0000-0000-000000000000","State":"Added","Values":{"From":{"From":null,"To":"CloseOutRequested"},"At":{"From":null,"To":"2025-01-16T02:00:05.0000000Z"}}},
              {"Entity":"Measure","Id":"00000000-0000-0000-0000-000000000000","State":"Modified","Values":{"DueDate":{"From":"02/28/2025","To":"03/31/2025"},"EvidenceRequired":{"From":"False","To":"True"},"Sequence":{"From":"2","To":"3"}}},
              {"Entity":"Notification","Id":"00000000-0000-0000-0000-000000000000","State":"Added","Values":{"Count":{"From":null,"To":"3"}}},
              {"Entity":"SomethingNew","Id":"not a guid","State":"Unchanged","Values":{"Status":{"From":"Queued","To":"Sent"}}}
            ]
            """.Replace("ITEM", id.ToString(), StringComparison.Ordinal));

        var changes = AuditChanges.Read(json.RootElement);

        Assert.Equal(
            [("整改事项", "修改"), ("佐证材料", "删除"), ("事项记录", "新增"), ("整改措施", "修改"), ("通知", "新增"), ("SomethingNew", "Unchanged")],
            changes.Select(c => (c.EntityText, c.StateText)));
        Assert.Equal(id, changes[0].Id);
        Assert.Equal(new AuditValue("Status", "整改状态", "未启动", "整改中"), changes[0].Values.Single());
        Assert.Equal(new AuditValue("FileName", "文件名", "纪要.pdf", null), changes[1].Values.Single());
        Assert.Equal([new AuditValue("From", "原值", null, "销号申请中"), new AuditValue("At", "时间", null, "2025年1月16日 10:00:05")], changes[2].Values);
        Assert.Equal(
            [new AuditValue("DueDate", "整改时限", "2025年2月28日", "2025年3月31日"), new AuditValue("EvidenceRequired", "须佐证材料", "否", "是"), new AuditValue("Sequence", "序号", "2", "3")],
            changes[3].Values);
        Assert.Equal(Guid.Empty, changes[5].Id);
        Assert.Equal(new AuditValue("Status", "状态", "Queued", "Sent"), changes[5].Values.Single());
    }

    [Fact]
    public void Anything_but_a_list_of_changes_reads_as_none() =>
        Assert.Empty(AuditChanges.Read(JsonDocument.Parse("{}").RootElement));
}
