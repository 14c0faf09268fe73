namespace Ledger.Application.Organisation;

public sealed record DepartmentDto(Guid Id, string Name, bool IsActive, Guid Version);

public sealed record PersonDto(
    Guid Id, string Name, string? Position, Guid? DepartmentId, string? DepartmentName, bool IsLeader, bool IsActive, Guid Version);
