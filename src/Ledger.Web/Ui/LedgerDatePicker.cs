using System.Globalization;
using Ledger.Domain.Common;
using MudBlazor;

namespace Ledger.Web.Ui;

/// <summary>
/// The date field of every form and filter: MudBlazor's picker, showing 2025年1月16日 and reading what people type —
/// 2027年2月1日 as it shows, or 2027-02-01, 2027/2/1 and 2027.2.1 as other systems and spreadsheets write dates.
/// </summary>
public sealed class LedgerDatePicker : MudDatePicker
{
    public LedgerDatePicker()
    {
        DateFormat = ChinaCalendar.DateFormat;
        Editable = true;
    }

    protected override IReversibleConverter<DateTime?, string?> GetDefaultConverter() =>
        Conversions.From<DateTime?, string?>(
            date => date is { } d ? DateText.Of(DateOnly.FromDateTime(d)) : null,
            text => string.IsNullOrWhiteSpace(text) ? null
                : DateText.Parse(text) is { } day ? day.ToDateTime(TimeOnly.MinValue)
                : throw new FormatException("请按“2027年2月1日”或“2027-02-01”填写日期。"));
}
