using EmergencyOps.ServiceDefaults;
using System.Security.Claims;
using EmergencyOps.Messaging.Persistence;
using Hazards.API.Extensions;
using Hazards.API.Infrastructure;
using Hazards.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hazards.API.Apis;

/// <summary>What the hazard handlers share, bound with <c>[AsParameters]</c>.</summary>
// Services, not input: the request validation must not walk into the DbContext. (SkipValidation is marked for
// evaluation in .NET 10; the package version is pinned, so a change to it shows at an upgrade.)
#pragma warning disable ASP0029
[Microsoft.Extensions.Validation.SkipValidation]
#pragma warning restore ASP0029
public sealed class HazardServices(HazardsContext db, HazardEvents events, ProductIssuer issuer, UnitEvaluator evaluator, TraceRecorder trace, RiskModel risk, CodeCache cache, ClaimsPrincipal user)
{
    public HazardsContext Db { get; } = db;

    public HazardEvents Events { get; } = events;

    public ProductIssuer Issuer { get; } = issuer;

    public UnitEvaluator Evaluator { get; } = evaluator;

    public TraceRecorder Trace { get; } = trace;

    public RiskModel Risk { get; } = risk;

    public ClaimsPrincipal User { get; } = user;

    /// <summary>Code resolutions in Redis: whatever changes one removes it after commit.</summary>
    public CodeCache Cache { get; } = cache;

    public string Actor => User.ActorName();

    private EnterpriseBinding? _binding;

    /// <summary>The enterprises the caller acts for (read once per request; a credit code in the token costs one lookup).</summary>
    public async Task<EnterpriseBinding> BindingAsync(CancellationToken cancellationToken) =>
        _binding ??= await EnterpriseBinding.ResolveAsync(User, Db, cancellationToken);

    /// <summary>True unless the caller is bound to an enterprise other than <paramref name="enterpriseId"/> (see <see cref="EnterpriseBinding"/>).</summary>
    public async Task<bool> MayActForAsync(Guid enterpriseId, CancellationToken cancellationToken) =>
        (await BindingAsync(cancellationToken)).MayActFor(enterpriseId);

    /// <summary>The product behind a code when the caller may read it; a refusal when it may not; neither when there is no such code.</summary>
    public async Task<(Product? Product, ProblemHttpResult? Refused)> ReadableProductAsync(string code, CancellationToken cancellationToken)
    {
        var product = await Db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        if (product is null)
        {
            return (null, null);
        }
        return (await BindingAsync(cancellationToken)).MayRead(product) ? (product, null) : (product, NotYourCode(code));
    }

    // One title for every refusal by binding, so a client recognises them; the detail says what the caller may do instead.
    public const string NotYoursTitle = "Not your enterprise";

    public static ProblemHttpResult NotYours(Guid enterpriseId) =>
        Problem(StatusCodes.Status403Forbidden, NotYoursTitle,
            $"The caller acts for another enterprise, not {enterpriseId}: an enterprise reads and writes only its own products, units, codes and scans.",
            new() { ["enterpriseId"] = enterpriseId });

    public static ProblemHttpResult NotYourCode(string code) =>
        Problem(StatusCodes.Status403Forbidden, NotYoursTitle,
            $"The caller's enterprise neither owns, holds nor is receiving {code}; its public safety information is at /api/hazards/codes/{code}/public.",
            new() { ["code"] = code });

    public static ProblemHttpResult NotYourScan(string code) =>
        Problem(StatusCodes.Status403Forbidden, NotYoursTitle,
            $"The caller's enterprise neither holds {code} nor is the consignee of its latest shipping (nor, before commissioning, owns it): it scans only what passes through its hands.",
            new() { ["code"] = code });

    /// <summary>
    /// Saves the unit of work with the risk levels it moves, or undoes all of it and returns false when the database refuses
    /// it (a unique key or version token lost a race), so the caller answers 409, not 500.
    /// </summary>
    public async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await Db.BeginOrJoinTransactionAsync(cancellationToken);
            await Risk.SaveAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    public async Task<Dictionary<string, HazardCategory>> CategoriesAsync(CancellationToken cancellationToken) =>
        await Db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, cancellationToken);

    public static ProblemHttpResult Problem(int status, string title, string detail, Dictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions);
}
