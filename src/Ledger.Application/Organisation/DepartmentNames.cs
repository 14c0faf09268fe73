using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Organisation;

internal static class DepartmentNames
{
    /// <summary>Two departments with one name would make every list ambiguous; deactivated ones count too.</summary>
    public static async Task EnsureUniqueAsync(ILedgerDbContext db, string name, Guid? exceptId, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        if (await db.Departments.AnyAsync(d => d.Name == trimmed && d.Id != exceptId, cancellationToken))
        {
            throw FieldValidation.Error("name", $"部门“{trimmed}”已存在。");
        }
    }
}
