using System.Globalization;
using FluentValidation;

namespace Ledger.Application.Common.Validation;

/// <summary>Validation speaks Chinese: built-in zh-CN messages, with fields called by the names users know.</summary>
internal static class ValidationSetup
{
    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.Ordinal)
    {
        ["Id"] = "编号",
        ["Version"] = "版本号",
        ["InspectingTeam"] = "巡察组",
        ["InspectedUnit"] = "被巡察党组织",
        ["InspectionStart"] = "进驻开始日期",
        ["InspectionEnd"] = "进驻结束日期",
        ["FeedbackDate"] = "反馈日期",
        ["RectificationPeriodEnd"] = "集中整改期限",
        ["Aspects"] = "方面",
        ["Title"] = "标题",
        ["Description"] = "问题描述",
        ["Position"] = "位置",
        ["RoundId"] = "巡察轮次",
        ["AspectId"] = "方面",
        ["Number"] = "序号",
        ["Kind"] = "事项类别",
        ["ResponsibleLeaderId"] = "责任领导",
        ["LeadDepartmentId"] = "牵头部门",
        ["CoDepartmentIds"] = "配合部门",
        ["ResponsiblePersonId"] = "责任人",
        ["DueDate"] = "整改时限",
        ["Text"] = "措施内容",
        ["MeasureId"] = "整改措施",
        ["CompletedOn"] = "完成日期",
        ["ReportDate"] = "报送日期",
        ["Progress"] = "本期进展",
        ["NextSteps"] = "下一步",
        ["Problems"] = "存在问题",
        ["Reason"] = "理由",
        ["Summary"] = "整改完成情况",
        ["Name"] = "名称",
        ["DepartmentId"] = "所属部门",
        ["Keyword"] = "关键词",
        ["Page"] = "页码",
        ["PageSize"] = "每页条数",
        ["DueWithinDays"] = "到期天数",
        ["AsOf"] = "截至日期",
        ["UserName"] = "登录名",
        ["DisplayName"] = "姓名",
        ["Roles"] = "角色",
        ["Password"] = "初始密码",
        ["CurrentPassword"] = "当前密码",
        ["NewPassword"] = "新密码",
        ["DueSoonOffsets"] = "提前提醒的工作日数",
        ["DueSoonWorkingDays"] = "临期工作日数",
        ["Date"] = "日期",
        ["From"] = "开始日期",
        ["To"] = "结束日期",
        ["ClosedOutFrom"] = "销号开始日期",
        ["ClosedOutTo"] = "销号结束日期",
    };

    public static void Configure()
    {
        ValidatorOptions.Global.LanguageManager.Culture = CultureInfo.GetCultureInfo("zh-CN");
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is not null && FieldNames.TryGetValue(member.Name, out var label) ? label : member?.Name;
    }
}
