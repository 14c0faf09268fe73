using Mono.Cecil;
using Mono.Cecil.Cil;
using NetArchTest.Rules;

namespace Ledger.Architecture.Tests;

/// <summary>
/// The rules the codebase keeps, each applied to a set of types: the real projects' in <see cref="ArchitectureTests"/>,
/// types planted to break it in <see cref="PlantedViolationTests"/>, so a rule that reports nothing is known to be able to.
/// </summary>
internal static class LedgerRules
{
    /// <summary>What the domain must not know: frameworks, persistence, the pipeline and the outer projects.</summary>
    public static readonly string[] OutsideTheDomain =
    [
        "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions", "MediatR", "FluentValidation",
        "Ledger.Application", "Ledger.Infrastructure", "Ledger.Web",
    ];

    /// <summary>What a page or component must not reach: the database, Infrastructure, or the mediator around <c>UiSender</c>.</summary>
    public static readonly string[] BehindTheRequests =
    [
        "Ledger.Infrastructure", "Microsoft.EntityFrameworkCore", "Ledger.Application.Common.ILedgerDbContext",
        "Ledger.Application.Common.IUnitOfWork", "MediatR.IMediator",
    ];

    public static PredicateList Handlers(PredicateList types) =>
        types.And().MeetCustomRule(new Implementing("MediatR.IRequestHandler`2", "MediatR.INotificationHandler`1"));

    public static PredicateList Validators(PredicateList types) => types.And().MeetCustomRule(new Implementing("FluentValidation.IValidator`1"));

    public static PredicateList Requests(PredicateList types) =>
        types.And().MeetCustomRule(new Implementing("MediatR.IRequest`1")).And().AreNotAbstract();

    public static TestResult DomainStandsAlone(PredicateList domain) =>
        domain.ShouldNot().HaveDependencyOnAny(OutsideTheDomain).GetResult();

    public static TestResult ApplicationLooksInward(PredicateList application) =>
        application.ShouldNot().HaveDependencyOnAny("Ledger.Infrastructure", "Ledger.Web", "Microsoft.AspNetCore").GetResult();

    /// <summary>Only the mediator calls a handler and only the pipeline a validator: neither is anyone's API.</summary>
    public static TestResult HandlersAndValidatorsAreInternal(PredicateList types) =>
        types.And().MeetCustomRule(new Implementing("MediatR.IRequestHandler`2", "MediatR.INotificationHandler`1", "FluentValidation.IValidator`1"))
            .ShouldNot().BePublic().GetResult();

    public static TestResult HandlersLeaveSavingToTheUnitOfWork(PredicateList types) =>
        Handlers(types).Should().MeetCustomRule(new SavesNothing()).GetResult();

    public static TestResult ComponentsOnlySendRequests(PredicateList components) =>
        components.ShouldNot().HaveDependencyOnAny(BehindTheRequests).GetResult();

    /// <summary>Every request names who may send it; one without <c>[Allowed]</c> would be refused to everyone.</summary>
    public static TestResult RequestsNameTheirRoles(PredicateList types) =>
        Requests(types).Should().HaveCustomAttribute(typeof(Application.Common.Security.AllowedAttribute)).GetResult();

    /// <summary>The failing types' short names, sorted, for a test to compare with the types it planted.</summary>
    public static IReadOnlyList<string> Failing(TestResult result) =>
        (result.FailingTypeNames ?? []).Select(n => n[(n.LastIndexOf('.') + 1)..]).Order(StringComparer.Ordinal).ToList();

    /// <summary>A class that implements one of the generic interfaces, itself or through a base class or interface.</summary>
    private sealed class Implementing(params string[] genericInterfaces) : ICustomRule
    {
        public bool MeetsRule(TypeDefinition type) => type.IsClass && Implements(type);

        private bool Implements(TypeDefinition? type)
        {
            for (; type is not null; type = Resolve(type.BaseType))
            {
                foreach (var contract in type.Interfaces.Select(i => i.InterfaceType))
                {
                    if (genericInterfaces.Contains(contract.GetElementType().FullName) || Implements(Resolve(contract)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static TypeDefinition? Resolve(TypeReference? reference)
        {
            try
            {
                return reference?.Resolve();
            }
            catch (AssemblyResolutionException)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Walks the IL of a handler, its lambdas and its async state machines (nested types), for calls that save, reach the
    /// database facade or the change tracker, or open a transaction: what ADR 0013 keeps to <c>UnitOfWorkBehavior</c>.
    /// NetArchTest sees the types a handler names, not what its bodies call.
    /// </summary>
    private sealed class SavesNothing : ICustomRule
    {
        public bool MeetsRule(TypeDefinition type) => !Bodies(type).SelectMany(b => b.Instructions).Any(Saves);

        private static IEnumerable<MethodBody> Bodies(TypeDefinition type) =>
            type.Methods.Where(m => m.HasBody).Select(m => m.Body).Concat(type.NestedTypes.SelectMany(Bodies));

        private static bool Saves(Instruction instruction)
        {
            if (instruction.Operand is not MethodReference method)
            {
                return false;
            }

            var declaring = method.DeclaringType.GetElementType();
            return method.Name.StartsWith("SaveChanges", StringComparison.Ordinal)
                   || method.Name is "get_Database" or "get_ChangeTracker"
                   // Bulk writes skip the change tracker, so the audit record and the concurrency checks too.
                   || method.Name.StartsWith("ExecuteUpdate", StringComparison.Ordinal)
                   || method.Name.StartsWith("ExecuteDelete", StringComparison.Ordinal)
                   || method.Name.Contains("Transaction", StringComparison.Ordinal)
                   || declaring.Name.Contains("Transaction", StringComparison.Ordinal)
                   || declaring.Namespace.StartsWith("System.Transactions", StringComparison.Ordinal)
                   || declaring.FullName == "Ledger.Application.Common.IUnitOfWork";
        }
    }
}
