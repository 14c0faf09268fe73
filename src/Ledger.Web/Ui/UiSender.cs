using Ledger.Web.Http;
using MediatR;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Mvc;
using MudBlazor;

namespace Ledger.Web.Ui;

/// <summary>
/// How every page talks to the application: the same MediatR requests the API sends, each in a DI scope of its own
/// (so no DbContext outlives one request, however long the circuit lives) and as the signed-in user of the page, so
/// roles, scope, validation and audit are the API's. A failure the user can act on comes back as the API's Chinese
/// words, shown in a snackbar and returned for forms to place under their fields; nothing reaches the circuit as an
/// exception, which would end it. Messages do not pile up: an error replaces whatever message shows, and a change that
/// succeeds takes away what showed before (an earlier attempt's error, the last change's word) for its own.
/// </summary>
internal sealed partial class UiSender(
    IServiceScopeFactory scopes, AuthenticationStateProvider authentication, ISnackbar snackbar, ILogger<UiSender> logger)
{
    public async Task<UiOutcome<T>> SendAsync<T>(IRequest<T> request, CancellationToken cancellationToken = default)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpCurrentUser>().CircuitUser = user;
        try
        {
            var answer = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
            if (IsCommand(request))
            {
                // One message shows at a time; the page's word on this change must not wait behind an older one.
                snackbar.Clear();
            }

            return new(answer, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            var problem = ExceptionProblemHandler.Describe(exception);
            if (problem is null)
            {
                LogUnexpected(logger, exception, request.GetType().Name);
                problem = ExceptionProblemHandler.Unexpected();
            }

            var failure = new UiOutcome<T>(default, problem);
            snackbar.Clear();
            snackbar.Add(failure.Message, Severity.Error);
            return failure;
        }
    }

    private static bool IsCommand(object request) =>
        request.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(Ledger.Application.Common.Messaging.ICommand<>));

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in {Request} sent by the UI")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string request);
}

/// <summary>What a request answered, or the problem the API would have answered with instead.</summary>
internal sealed record UiOutcome<T>(T? Value, ProblemDetails? Problem)
{
    public bool Succeeded => Problem is null;

    /// <summary>Field errors keyed as the API keys them (camelCase), for a form to show under its fields.</summary>
    public IDictionary<string, string[]> FieldErrors => Problem is HttpValidationProblemDetails validation
        ? validation.Errors
        : new Dictionary<string, string[]>();

    /// <summary>One line for a snackbar: the validator's own messages, or the problem's detail.</summary>
    public string Message => FieldErrors.Count > 0
        ? string.Join(" ", FieldErrors.Values.SelectMany(m => m).Distinct())
        : Problem?.Detail ?? string.Empty;
}
