using Ledger.Application.Common;
using Ledger.Application.Organisation;
using Ledger.Web.Http;
using MediatR;

namespace Ledger.Web.Endpoints;

internal static class OrganisationEndpoints
{
    public static void MapOrganisationEndpoints(this IEndpointRouteBuilder app)
    {
        var departments = app.MapGroup("/api/departments").WithTags("部门");
        departments.MapGet("/", (bool? includeInactive, IMediator m, CancellationToken ct) => m.Send(new ListDepartmentsQuery(includeInactive ?? false), ct))
            .Doc("部门列表（默认只含启用的部门）", changes: false, hasTarget: false);
        departments.MapPost("/", async (CreateDepartmentCommand command, IMediator m, CancellationToken ct) =>
                Created(await m.Send(command, ct), "departments"))
            .Doc("新增部门", hasTarget: false);
        departments.MapPut("/{id:guid}/name", (Guid id, RenameDepartmentCommand command, IMediator m, CancellationToken ct) =>
                m.Send(command with { Id = id }, ct))
            .Doc("部门更名");
        departments.MapPut("/{id:guid}/active", (Guid id, SetDepartmentActiveCommand command, IMediator m, CancellationToken ct) =>
                m.Send(command with { Id = id }, ct))
            .Doc("启用或停用部门");
        departments.MapDelete("/{id:guid}", async (Guid id, Guid version, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new DeleteDepartmentCommand(id, version), ct);
                return Results.NoContent();
            })
            .Doc("删除部门（仅限从未被引用的部门；被引用的请停用）");

        var people = app.MapGroup("/api/people").WithTags("人员");
        people.MapGet("/", (Guid? departmentId, bool? leadersOnly, bool? includeInactive, IMediator m, CancellationToken ct) =>
                m.Send(new ListPeopleQuery(departmentId, leadersOnly ?? false, includeInactive ?? false), ct))
            .Doc("人员列表，可按部门或只列领导", changes: false, hasTarget: false);
        people.MapPost("/", async (CreatePersonCommand command, IMediator m, CancellationToken ct) =>
                Created(await m.Send(command, ct), "people"))
            .Doc("新增人员（责任人或责任领导）", hasTarget: false);
        people.MapPut("/{id:guid}", (Guid id, UpdatePersonCommand command, IMediator m, CancellationToken ct) =>
                m.Send(command with { Id = id }, ct))
            .Doc("修改人员信息");
        people.MapPut("/{id:guid}/active", (Guid id, SetPersonActiveCommand command, IMediator m, CancellationToken ct) =>
                m.Send(command with { Id = id }, ct))
            .Doc("启用或停用人员");
        people.MapDelete("/{id:guid}", async (Guid id, Guid version, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new DeletePersonCommand(id, version), ct);
                return Results.NoContent();
            })
            .Doc("删除人员（仅限从未被引用的人员；被引用的请停用）");
    }

    private static IResult Created(Saved saved, string collection) => Results.Created($"/api/{collection}/{saved.Id}", saved);
}
