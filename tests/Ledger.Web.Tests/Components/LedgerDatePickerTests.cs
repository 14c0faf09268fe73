using Bunit;
using Ledger.Web.Ui;

namespace Ledger.Web.Tests.Components;

/// <summary>Every date field reads a date as people type it, and shows it as the pages write dates.</summary>
public sealed class LedgerDatePickerTests : PageContext
{
    [Theory]
    [InlineData("2027-02-01")]
    [InlineData("2027年2月1日")]
    [InlineData("2027/2/1")]
    [InlineData(" 2027.2.1 ")]
    public void A_typed_date_in_either_form_is_taken(string typed)
    {
        DateTime? picked = null;
        var picker = Render<LedgerDatePicker>(p => p
            .Add(d => d.Label, "整改时限")
            .Add(d => d.DateChanged, d => picked = d));

        picker.Find("input").Change(typed);

        Assert.Equal(new DateTime(2027, 2, 1), picked);
    }

    [Fact]
    public void A_date_shows_as_the_pages_write_dates()
    {
        var picker = Render<LedgerDatePicker>(p => p.Add(d => d.Date, new DateTime(2027, 2, 1)));

        Assert.Equal("2027年2月1日", picker.Find("input").GetAttribute("value"));
    }

    [Fact]
    public void A_date_that_is_none_is_refused_in_words_and_sets_nothing()
    {
        DateTime? picked = null;
        var picker = Render<LedgerDatePicker>(p => p.Add(d => d.DateChanged, d => picked = d));

        picker.Find("input").Change("2027-13-01");

        Assert.Null(picked);
        Assert.Contains("2027-02-01", picker.Markup, StringComparison.Ordinal);
    }
}
