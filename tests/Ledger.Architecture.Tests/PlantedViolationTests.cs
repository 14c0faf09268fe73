using NetArchTest.Rules;

namespace Ledger.Architecture.Tests;

/// <summary>
/// Each rule of <see cref="LedgerRules"/> over types planted to break it (<c>Planted/</c>): it reports exactly the
/// violating ones, so its silence over the real projects means something.
/// </summary>
public sealed class PlantedViolationTests
{
    private static PredicateList Planted(string area) =>
        Types.InAssembly(typeof(PlantedViolationTests).Assembly).That().ResideInNamespace($"Ledger.Architecture.Tests.Planted.{area}");

    [Fact]
    public void A_domain_type_using_EF_or_the_application_is_reported()
    {
        Assert.Equal(["EntityWithAnIndex", "RuleAskingTheApplication"], LedgerRules.Failing(LedgerRules.DomainStandsAlone(Planted("Domain"))));
    }

    [Fact]
    public void An_application_type_using_infrastructure_or_http_is_reported()
    {
        Assert.Equal(["UseCaseReadingHttp", "UseCaseReadingInfrastructure"], LedgerRules.Failing(LedgerRules.ApplicationLooksInward(Planted("Application"))));
    }

    [Fact]
    public void A_public_handler_or_validator_is_reported()
    {
        Assert.Equal(["PublicHandler", "PublicValidator"], LedgerRules.Failing(LedgerRules.HandlersAndValidatorsAreInternal(Planted("Handlers"))));
    }

    [Fact]
    public void A_handler_saving_opening_a_transaction_or_writing_in_bulk_is_reported()
    {
        Assert.Equal(
            ["BulkUpdateHandler", "SavingHandler", "TransactionHandler"],
            LedgerRules.Failing(LedgerRules.HandlersLeaveSavingToTheUnitOfWork(Planted("Handlers"))));
    }

    [Fact]
    public void A_component_with_the_database_or_the_mediator_is_reported()
    {
        Assert.Equal(["PageWithTheDatabase", "PageWithTheMediator"], LedgerRules.Failing(LedgerRules.ComponentsOnlySendRequests(Planted("Components"))));
    }

    [Fact]
    public void A_request_without_its_roles_is_reported()
    {
        Assert.Equal(["CommandWithoutRoles", "QueryWithoutRoles"], LedgerRules.Failing(LedgerRules.RequestsNameTheirRoles(Planted("Requests"))));
    }
}
