using Ledger.Application.Common;
using Ledger.Domain.Common;
using Ledger.Infrastructure.Persistence;
using NetArchTest.Rules;

namespace Ledger.Architecture.Tests;

/// <summary>The real projects against the rules; <see cref="PlantedViolationTests"/> shows each rule can fail.</summary>
public sealed class ArchitectureTests
{
    private static PredicateList Domain => Types.InAssembly(typeof(AggregateRoot).Assembly).That().ResideInNamespace("Ledger.Domain");

    private static PredicateList Application => Types.InAssembly(typeof(ILedgerDbContext).Assembly).That().ResideInNamespace("Ledger.Application");

    private static PredicateList Infrastructure => Types.InAssembly(typeof(LedgerDbContext).Assembly).That().ResideInNamespace("Ledger.Infrastructure");

    /// <summary>
    /// Razor components, but for the sign-in pages: signing in is ASP.NET Identity's cookie handshake, as the API's
    /// <c>/api/auth</c> endpoints are, not a use case of the ledger.
    /// </summary>
    private static PredicateList Components => Types.InAssembly(typeof(Web.Components.App).Assembly).That().ResideInNamespace("Ledger.Web.Components")
        .And().DoNotResideInNamespace("Ledger.Web.Components.Account");

    [Fact]
    public void The_domain_references_no_framework_and_no_other_project()
    {
        Assert.Empty(LedgerRules.Failing(LedgerRules.DomainStandsAlone(Domain)));
        Assert.All(
            typeof(AggregateRoot).Assembly.GetReferencedAssemblies(),
            reference => Assert.True(reference.Name!.StartsWith("System", StringComparison.Ordinal), reference.Name));
    }

    [Fact]
    public void The_application_references_neither_infrastructure_nor_web()
    {
        Assert.Empty(LedgerRules.Failing(LedgerRules.ApplicationLooksInward(Application)));
        Assert.DoesNotContain(
            typeof(ILedgerDbContext).Assembly.GetReferencedAssemblies(),
            reference => reference.Name is "Ledger.Infrastructure" or "Ledger.Web");
    }

    [Fact]
    public void Handlers_and_validators_are_internal()
    {
        Assert.Empty(LedgerRules.Failing(LedgerRules.HandlersAndValidatorsAreInternal(Application)));
        Assert.Empty(LedgerRules.Failing(LedgerRules.HandlersAndValidatorsAreInternal(Infrastructure)));
    }

    [Fact]
    public void No_handler_saves_reaches_the_database_or_opens_a_transaction()
    {
        Assert.Empty(LedgerRules.Failing(LedgerRules.HandlersLeaveSavingToTheUnitOfWork(Application)));
        Assert.Empty(LedgerRules.Failing(LedgerRules.HandlersLeaveSavingToTheUnitOfWork(Infrastructure)));
    }

    [Fact]
    public void Pages_and_components_reach_the_application_only_through_requests()
    {
        Assert.Empty(LedgerRules.Failing(LedgerRules.ComponentsOnlySendRequests(Components)));
    }

    [Fact]
    public void Every_request_names_the_roles_that_may_send_it()
    {
        Assert.Empty(LedgerRules.Failing(LedgerRules.RequestsNameTheirRoles(Application)));
    }

    /// <summary>The rules look at what they should: a rule over an empty set would pass whatever the code did.</summary>
    [Fact]
    public void The_rules_see_the_handlers_validators_requests_and_components()
    {
        Assert.Contains("StartItemCommandHandler", LedgerRules.Handlers(Application).GetTypes().Select(t => t.Name));
        Assert.Contains("StartItemCommand", LedgerRules.Requests(Application).GetTypes().Select(t => t.Name));
        Assert.Contains("CreateRoundCommandValidator", LedgerRules.Validators(Application).GetTypes().Select(t => t.Name));
        Assert.True(LedgerRules.Handlers(Application).GetTypes().Count() > 50);
        Assert.Contains("ItemDetail", Components.GetTypes().Select(t => t.Name));
        Assert.DoesNotContain("Login", Components.GetTypes().Select(t => t.Name));
    }
}
