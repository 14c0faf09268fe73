using Ledger.Infrastructure.Persistence;

namespace Ledger.Architecture.Tests.Planted.Application;

/// <summary>A use case reading a setting from Infrastructure's own options.</summary>
public sealed class UseCaseReadingInfrastructure(LedgerOptions options)
{
    public string Directory => options.DataDirectory;
}

/// <summary>A use case that knows the HTTP request it came from.</summary>
public sealed class UseCaseReadingHttp(Microsoft.AspNetCore.Http.HttpContext http)
{
    public string Path => http.Request.Path;
}

/// <summary>Depends on the domain and the application's own contracts only.</summary>
public sealed class PlainUseCase(Ledger.Application.Common.ILedgerDbContext db)
{
    public object Sets => db.Items;
}
