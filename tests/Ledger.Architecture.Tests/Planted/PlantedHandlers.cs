using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Infrastructure.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Architecture.Tests.Planted.Handlers;

[Allowed(Roles.Office)]
public sealed record PlantedCommand(string Title) : ICommand<int>;

/// <summary>Public: any caller could run the use case past the pipeline's roles, validation and unit of work.</summary>
public sealed class PublicHandler : IRequestHandler<PlantedCommand, int>
{
    public Task<int> Handle(PlantedCommand request, CancellationToken cancellationToken) => Task.FromResult(0);
}

/// <summary>Public, through FluentValidation's base class.</summary>
public sealed class PublicValidator : AbstractValidator<PlantedCommand>
{
    public PublicValidator() => RuleFor(x => x.Title).NotEmpty();
}

/// <summary>Saves in its async body (the state machine is a nested type) through the named service.</summary>
internal sealed class SavingHandler(ILedgerDbContext db, IUnitOfWork unitOfWork) : IRequestHandler<PlantedCommand, int>
{
    public async Task<int> Handle(PlantedCommand request, CancellationToken cancellationToken)
    {
        var count = await db.Items.CountAsync(cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return count;
    }
}

/// <summary>Opens a transaction of its own on the concrete context, inside a lambda.</summary>
internal sealed class TransactionHandler(LedgerDbContext db) : IRequestHandler<PlantedCommand, int>
{
    public Task<int> Handle(PlantedCommand request, CancellationToken cancellationToken) =>
        Task.Run(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            return 1;
        });
}

/// <summary>Writes past the change tracker, so past the audit record and the version checks.</summary>
internal sealed class BulkUpdateHandler(ILedgerDbContext db) : IRequestHandler<PlantedCommand, int>
{
    public Task<int> Handle(PlantedCommand request, CancellationToken cancellationToken) =>
        db.Departments.ExecuteDeleteAsync(cancellationToken);
}

/// <summary>Internal, reads and changes tracked entities only: what every handler does.</summary>
internal sealed class WellBehavedHandler(ILedgerDbContext db) : IRequestHandler<PlantedCommand, int>
{
    public async Task<int> Handle(PlantedCommand request, CancellationToken cancellationToken) =>
        await db.Items.CountAsync(i => i.Title == request.Title, cancellationToken);
}

internal sealed class WellBehavedValidator : AbstractValidator<PlantedCommand>
{
    public WellBehavedValidator() => RuleFor(x => x.Title).NotEmpty();
}
