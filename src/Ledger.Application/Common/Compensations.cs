namespace Ledger.Application.Common;

/// <summary>
/// Work a command does outside the database (a stored file) and how to undo it: the unit of work runs the undo
/// steps when the transaction does not commit, so a refused or failed command leaves nothing behind.
/// </summary>
public sealed class Compensations
{
    private readonly List<Func<Task>> _undo = [];

    public void Add(Func<Task> undo) => _undo.Add(undo);

    internal async Task UndoAsync()
    {
        // Latest first, like a transaction unwinding; one failed undo must not keep the others from running.
        var failures = new List<Exception>();
        for (var i = _undo.Count - 1; i >= 0; i--)
        {
            try
            {
                await _undo[i]();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failures.Add(ex);
            }
        }

        _undo.Clear();
        if (failures.Count > 0)
        {
            throw new AggregateException("Undoing a failed command's side effects failed.", failures);
        }
    }

    internal void Forget() => _undo.Clear();
}
