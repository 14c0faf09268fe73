using Ledger.Application.Users;
using Ledger.Web.Http;
using MediatR;

namespace Ledger.Web.Endpoints;

internal static class UserEndpoints
{
    public static void MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("账号");

        users.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new ListUsersQuery(), ct))
            .Doc("账号列表（系统管理员）：角色、部门、是否停用、是否锁定，及修改时须带回的版本号（version）", hasTarget: false);
        users.MapPost("/", async (CreateUserCommand c, IMediator m, CancellationToken ct) =>
            {
                var user = await m.Send(c, ct);
                return Results.Created($"/api/users/{user.Id}", user);
            })
            .Doc("开设账号（系统管理员）：登录名、姓名、角色、所属部门或对应领导；初始密码须在首次登录时修改", hasTarget: false);
        users.MapPut("/{id:guid}", (Guid id, UpdateUserCommand c, IMediator m, CancellationToken ct) => m.Send(c with { Id = id }, ct))
            .Doc("修改账号（系统管理员）：角色、部门、停用；须带读取时的版本号（version），账号已被他人修改时返回 409 及当前版本号（currentVersion）；已登录的会话随之失效");
        users.MapPost("/{id:guid}/password-reset", async (Guid id, ResetPasswordCommand c, IMediator m, CancellationToken ct) =>
            {
                await m.Send(c with { Id = id }, ct);
                return Results.NoContent();
            })
            .Doc("重置密码（系统管理员）：解除锁定，用户下次登录须修改；须带读取时的版本号（version），账号已被他人修改时返回 409 及当前版本号（currentVersion）");
    }
}
