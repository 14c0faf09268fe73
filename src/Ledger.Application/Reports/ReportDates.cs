using System.Xml;
using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Validation;

namespace Ledger.Application.Reports;

/// <summary>A request for a round's report on a date: 截至日期 (today without one) and 成文日期 (the as-of date without one).</summary>
public interface IReportDates
{
    Guid RoundId { get; }

    DateOnly? AsOf { get; }

    DateOnly? ReportDate { get; }
}

internal static class ReportDates
{
    public const string AsOfAfterToday = "截至日期不能晚于今天：台账只知道已经记录的情况。";

    public static (DateOnly AsOf, DateOnly ReportDate) Resolve(IReportDates request, RequestContext context)
    {
        var asOf = request.AsOf ?? context.Today;
        return (asOf, request.ReportDate ?? asOf);
    }

    /// <summary>Text a .docx can hold: control characters are dropped when the report is written, but not unpaired surrogates.</summary>
    public static bool IsDocumentText(string? text)
    {
        try
        {
            XmlConvert.VerifyXmlChars(new string([.. (text ?? string.Empty).Where(c => !char.IsControl(c))]));
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }
}

internal sealed class ReportDatesValidator : AbstractValidator<IReportDates>
{
    public ReportDatesValidator(RequestContext context)
    {
        RuleFor(x => x.RoundId).RequiredId();
        RuleFor(x => x.AsOf).Must(asOf => asOf <= context.Today).When(x => x.AsOf is not null).WithMessage(ReportDates.AsOfAfterToday);
        RuleFor(x => x.ReportDate).Must((x, date) => date >= (x.AsOf ?? context.Today)).When(x => x.ReportDate is not null)
            .WithName("成文日期").WithMessage("成文日期不能早于截至日期。");
    }
}
