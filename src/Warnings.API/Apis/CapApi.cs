using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Warnings.API.Extensions;
using Warnings.API.Model;

namespace Warnings.API.Apis;

/// <summary>
/// CAP 1.2 documents of published versions and the Atom index of active alerts. Public: CAP exists to be passed on to
/// anyone (media, apps, sirens), so no token is needed. Without <c>warnings:read</c>, only real warnings (CAP status Actual)
/// are served; an exercise's documents answer 404 as if absent, so a drill can never be mistaken for reality outside.
/// The Atom index lists real active warnings for everyone.
/// </summary>
public static class CapApi
{
    /// <summary>Keeps the index small enough to poll.</summary>
    public const int AtomLimit = 200;

    public static RouteGroupBuilder MapCapApi(this RouteGroupBuilder api)
    {
        api.MapGet("/{id:guid}/cap", GetCap).WithName("GetWarningCap")
            .WithSummary("The current version as a CAP 1.2 alert (application/cap+xml); no token needed for real (Actual) warnings").Produces(StatusCodes.Status200OK, contentType: CapDocument.ContentType)
            .AllowAnonymous();
        api.MapGet("/{id:guid}/versions/{version:int}/cap", GetVersionCap).WithName("GetWarningVersionCap")
            .WithSummary("One published version as a CAP 1.2 alert; no token needed for real (Actual) warnings").Produces(StatusCodes.Status200OK, contentType: CapDocument.ContentType)
            .AllowAnonymous();
        api.MapGet("/cap.atom", GetAtom).WithName("GetCapAtomIndex")
            .WithSummary("Atom index of the active real (Actual) CAP alerts, each linking to its CAP document; no token needed").Produces(StatusCodes.Status200OK, contentType: AtomIndex.ContentType)
            .AllowAnonymous();
        return api;
    }

    public static Task<Results<ContentHttpResult, NotFound>> GetCap(
        Guid id, [AsParameters] WarningServices services, IAuthorizationService authorization, IOptions<WarningsOptions> options, CancellationToken cancellationToken) =>
        CapAsync(id, null, services, authorization, options.Value, cancellationToken);

    public static Task<Results<ContentHttpResult, NotFound>> GetVersionCap(
        Guid id, int version, [AsParameters] WarningServices services, IAuthorizationService authorization, IOptions<WarningsOptions> options,
        CancellationToken cancellationToken) =>
        CapAsync(id, version, services, authorization, options.Value, cancellationToken);

    public static async Task<ContentHttpResult> GetAtom([AsParameters] WarningServices services, IOptions<WarningsOptions> options, CancellationToken cancellationToken)
    {
        var warnings = await services.Db.Warnings.AsNoTracking().Include(w => w.Versions)
            .Where(w => w.State == WarningState.Active && !w.Exercise)
            .OrderByDescending(w => w.PublishedAt).Take(AtomLimit).ToListAsync(cancellationToken);
        var doc = AtomIndex.Build([.. warnings.Select(w => (w, w.Current()))], options.Value, services.Publisher.Now);
        return TypedResults.Text(doc.Declaration + "\n" + doc.Root, AtomIndex.ContentType, Encoding.UTF8);
    }

    private static async Task<Results<ContentHttpResult, NotFound>> CapAsync(
        Guid id, int? number, WarningServices services, IAuthorizationService authorization, WarningsOptions options, CancellationToken cancellationToken)
    {
        var warning = await services.Db.Warnings.AsNoTracking().Include(w => w.Versions).SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        var version = warning?.Versions.SingleOrDefault(v => v.Number == (number ?? warning.CurrentVersion));
        if (warning is null || version?.Sent is null)
        {
            return TypedResults.NotFound();
        }
        // The same policy the endpoint carried before it was public: readers see exercises as they always did.
        if (warning.Exercise && !(await authorization.AuthorizeAsync(services.User, WarningsPolicies.Read)).Succeeded)
        {
            return TypedResults.NotFound();
        }
        var doc = CapDocument.Build(warning, version, warning.Versions, options);
        return TypedResults.Text(doc.Declaration + "\n" + doc.Root, CapDocument.ContentType, Encoding.UTF8);
    }
}
