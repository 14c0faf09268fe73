using Ledger.Application.Calendar;
using MediatR;

namespace Ledger.Application.Common.Behaviors;

/// <summary>
/// Once a command that edits the working calendar (<see cref="IChangesWorkingCalendar"/>) has committed, drops this
/// server's cached calendar so the next request counts working days with the edit. It wraps the unit of work, so it
/// runs after the commit; a command that fails changed nothing and leaves the cache alone.
/// </summary>
public sealed class WorkingCalendarRefreshBehavior<TRequest, TResponse>(WorkingCalendars calendars) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var response = await next();
        if (request is IChangesWorkingCalendar)
        {
            calendars.Invalidate();
        }

        return response;
    }
}
