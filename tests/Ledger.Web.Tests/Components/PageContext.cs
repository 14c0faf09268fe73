using System.Security.Claims;
using Bunit;
using Ledger.Web.Http;
using Ledger.Web.Ui;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace Ledger.Web.Tests.Components;

/// <summary>
/// A page of the UI rendered on its own, signed in with one role, its requests answered by a <see cref="FakeMediator"/>
/// through the real <see cref="UiSender"/>, so a refusal or a conflict reaches the page in the API's Chinese words.
/// Today is 2025年1月16日.
/// </summary>
public abstract class PageContext : BunitContext, IAsyncLifetime
{
    // A second is bUnit's default; a page answered by a real host on PostgreSQL, beside a busy CI run, may need more.
    static PageContext() => DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    protected PageContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<IHttpContextAccessor, HttpContextAccessor>();
        Services.AddScoped<HttpCurrentUser>();
        Services.AddSingleton<IMediator>(Mediator);
        Services.AddScoped<UiSender>();
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(LedgerApiFactory.Now));
    }

    protected FakeMediator Mediator { get; } = new();

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services dispose only asynchronously.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    protected void SignIn(string role)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized(role);
        authorization.SetClaims(new Claim(ClaimTypes.Role, role));
    }

    /// <summary>The providers MainLayout renders: dialogs and snackbars appear in them, popovers need them.</summary>
    protected (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<MudSnackbarProvider> Snackbars) RenderProviders()
    {
        Render<MudPopoverProvider>();
        return (Render<MudDialogProvider>(), Render<MudSnackbarProvider>());
    }
}

/// <summary>Answers each request type as the test says, and records what was sent.</summary>
public sealed class FakeMediator : IMediator
{
    private readonly Dictionary<Type, Func<object, object?>> _answers = [];

    public List<object> Sent { get; } = [];

    public FakeMediator Answer<TRequest, TResponse>(Func<TRequest, TResponse> answer)
        where TRequest : IRequest<TResponse>
    {
        _answers[typeof(TRequest)] = request => answer((TRequest)request);
        return this;
    }

    public IEnumerable<TRequest> SentOf<TRequest>() => Sent.OfType<TRequest>();

    public Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        Sent.Add(request);
        return _answers.TryGetValue(request.GetType(), out var answer)
            ? Task.FromResult((TResponse)answer(request)!)
            : throw new InvalidOperationException($"The test gave no answer to {request.GetType().Name}.");
    }

    public Task Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
        where TNotification : INotification => throw new NotSupportedException();
}
