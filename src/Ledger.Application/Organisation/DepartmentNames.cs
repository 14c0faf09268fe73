using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Organisation;

internal static class DepartmentNames
{
    /// <summary>
    /// Two departments with one name would make every list ambiguous; deactivated ones count too. Names are compared as
    /// stored (<see cref="PlainText.Line"/>), so 办公室 with a zero-width space is the 办公室 already there.
    /// </summary>
    public static async Task EnsureUniqueAsync(ILedgerDbContext db, string name, Guid? exceptId, CancellationToken cancellationToken)
    {
        var trimmed = PlainText.Line(name) ?? string.Empty;
        if (await db.Departments.AnyAsync(d => d.Name == trimmed && d.Id != exceptId, cancellationToken))
        {
            throw FieldValidation.Error("name", $"部门“{trimmed}”已存在。");
        }
    }
}
