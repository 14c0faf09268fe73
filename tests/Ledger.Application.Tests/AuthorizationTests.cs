using Ledger.Application.Common.Security;
using MediatR;

namespace Ledger.Application.Tests;

public class AuthorizationTests
{
    /// <summary>The behaviour refuses a request without <see cref="AllowedAttribute"/>; this keeps that from ever reaching a user as a surprise.</summary>
    [Fact]
    public void Every_request_names_the_roles_that_may_send_it()
    {
        var requests = typeof(AllowedAttribute).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)))
            .ToList();

        Assert.True(requests.Count > 40, $"only {requests.Count} requests found");
        Assert.Empty(requests.Where(t => t.GetCustomAttributes(typeof(AllowedAttribute), false).Length == 0).Select(t => t.Name));
        Assert.All(
            requests.SelectMany(t => ((AllowedAttribute)t.GetCustomAttributes(typeof(AllowedAttribute), false)[0]).Roles),
            role => Assert.True(role == Roles.Anyone || Roles.All.Contains(role), role));
    }
}
