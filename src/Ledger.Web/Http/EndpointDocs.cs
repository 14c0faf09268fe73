namespace Ledger.Web.Http;

internal static class EndpointDocs
{
    /// <summary>Summary for the OpenAPI document plus the problem answers every Ledger endpoint can give.</summary>
    public static RouteHandlerBuilder Doc(this RouteHandlerBuilder builder, string summary, bool changes = true, bool hasTarget = true)
    {
        builder.WithSummary(summary).ProducesValidationProblem();
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
