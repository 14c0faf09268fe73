namespace Ledger.Web.Http;

internal static class EndpointDocs
{
    /// <summary>
    /// Summary for the OpenAPI document plus the problem answers every Ledger endpoint can give: 401 unsigned, 403 refused
    /// (role or a password to change first), 404 a record missing or outside the user's scope, 409 a stale or forbidden change.
    /// </summary>
    public static RouteHandlerBuilder Doc(this RouteHandlerBuilder builder, string summary, bool changes = true, bool hasTarget = true)
    {
        builder.WithSummary(summary).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        if (hasTarget)
        {
            builder.ProducesProblem(StatusCodes.Status404NotFound);
        }

        if (changes)
        {
            builder.ProducesProblem(StatusCodes.Status409Conflict);
        }

        return builder.ProducesProblem(StatusCodes.Status500InternalServerError);
    }
}
