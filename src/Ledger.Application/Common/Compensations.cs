using Microsoft.Extensions.Logging;

namespace Ledger.Application.Common;

/// <summary>
/// Work a command does outside the database (a stored file) and how to undo it: the unit of work runs the undo
/// steps when the transaction does not commit, so a refused or failed command leaves nothing behind.
/// </summary>
public sealed partial class Compensations(ILogger<Compensations> logger)
{
    private readonly List<Func<Task>> _undo = [];

    public void Add(Func<Task> undo) => _undo.Add(undo);

    internal async Task UndoAsync()
    {
        // Latest first, like a transaction unwinding. A failed undo leaves an unreferenced file, which harms nothing:
        // it is logged, and the command's own error is what the user must see, so it is not thrown.
        for (var i = _undo.Count - 1; i >= 0; i--)
        {
            try
            {
                await _undo[i]();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogUndoFailed(logger, ex);
            }
        }

        _undo.Clear();
    }

    internal void Forget() => _undo.Clear();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Undoing the outside work of a failed command failed; an unreferenced evidence file may remain")]
    private static partial void LogUndoFailed(ILogger logger, Exception exception);
}
