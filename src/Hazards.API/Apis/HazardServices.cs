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
public sealed class HazardServices(HazardsContext db, HazardEvents events, ProductIssuer issuer, UnitEvaluator evaluator, TraceRecorder trace, ClaimsPrincipal user)
{
    public HazardsContext Db { get; } = db;

    public HazardEvents Events { get; } = events;

    public ProductIssuer Issuer { get; } = issuer;

    public UnitEvaluator Evaluator { get; } = evaluator;

    public TraceRecorder Trace { get; } = trace;

    public ClaimsPrincipal User { get; } = user;

    public string Actor => User.ActorName();

    /// <summary>True unless the caller is an enterprise other than <paramref name="enterpriseId"/> (see <see cref="HazardsPolicies.EnterpriseClaim"/>).</summary>
    public bool MayActFor(Guid enterpriseId)
    {
        var own = User.FindAll(HazardsPolicies.EnterpriseClaim).Select(c => c.Value).ToList();
        return own.Count == 0 || own.Contains(enterpriseId.ToString(), StringComparer.OrdinalIgnoreCase);
    }

    public static ProblemHttpResult NotYours(Guid enterpriseId) =>
        Problem(StatusCodes.Status403Forbidden, "Not your enterprise", $"The caller acts for another enterprise, not {enterpriseId}: an enterprise writes only its own products, units and scans.");

    /// <summary>
    /// Saves the unit of work, or undoes all of it and returns false when the database refuses it
    /// (a unique key or version token lost a race), so the caller answers 409, not 500.
    /// </summary>
    public async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await Db.BeginOrJoinTransactionAsync(cancellationToken);
            await Db.SaveChangesAsync(cancellationToken);
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
