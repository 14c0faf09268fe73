using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Ledger.Application.Common.Behaviors;

/// <summary>Logs every request with its duration; slow ones as warnings so they stand out.</summary>
public sealed partial class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(500);

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        string? error = null;
        try
        {
            return await next();
        }
        catch (Exception ex)
        {
            error = ex.GetType().Name;
            throw;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            var name = typeof(TRequest).Name;
            if (error is not null)
            {
                LogFailed(logger, name, elapsed.TotalMilliseconds, error);
            }
            else if (elapsed > Slow)
            {
                LogSlow(logger, name, elapsed.TotalMilliseconds);
            }
            else
            {
                LogHandled(logger, name, elapsed.TotalMilliseconds);
            }
        }
    }

    // Debug: a production log keeps failures and slow requests, not a line for every request that went well.
    [LoggerMessage(Level = LogLevel.Debug, Message = "{Request} handled in {ElapsedMs:F1} ms")]
    private static partial void LogHandled(ILogger logger, string request, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Request} was slow: {ElapsedMs:F1} ms")]
    private static partial void LogSlow(ILogger logger, string request, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Request} failed after {ElapsedMs:F1} ms with {Error}")]
    private static partial void LogFailed(ILogger logger, string request, double elapsedMs, string error);
}
