using Hazards.API.Infrastructure;
using Hazards.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hazards.API.Apis;

/// <summary>
/// The one hazard endpoint without a token: a code's public safety information, where the QR image on a package leads.
/// A separate endpoint rather than a reduced answer of the full resolve, so what is public is one type, and the full
/// resolve never depends on who asks.
/// </summary>
public static class PublicCodeApi
{
    public static RouteGroupBuilder MapPublicCodeApi(this RouteGroupBuilder hazards)
    {
        hazards.MapGet("/codes/{code}/public", GetPublicInformation).WithName("GetPublicCodeInformation").WithTags("Codes")
            .WithSummary("Public safety information of a code, no token needed (一书一签): product and chemical names, UN number, label, emergency SDS sections")
            .AllowAnonymous();
        return hazards;
    }

    public static async Task<Results<JsonBody<PublicCodeInformation>, NotFound, ValidationProblem>> GetPublicInformation(
        string code, HazardsContext db, CodeCache cache, CancellationToken cancellationToken)
    {
        if (CodesApi.CheckCode(ref code) is { } invalid)
        {
            return invalid;
        }
        // The public answer has an entry of its own beside the full one: the same for everyone, with nothing private in it.
        var cached = await cache.GetAsync(code, CodeView.Public);
        if (cached.Value is { } hit)
        {
            return new JsonBody<PublicCodeInformation>(hit.Json);
        }
        var c = code;
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Code == c, cancellationToken);
        if (product is null)
        {
            return TypedResults.NotFound();
        }
        var chemical = await db.Chemicals.AsNoTracking().SingleAsync(ch => ch.Cas == product.Cas, cancellationToken);
        var label = await db.LabelRevisions.AsNoTracking().Where(r => r.ProductId == product.Id).OrderByDescending(r => r.Revision).FirstAsync(cancellationToken);
        var sds = await db.SdsRevisions.AsNoTracking().Where(r => r.ProductId == product.Id).OrderByDescending(r => r.Revision).FirstAsync(cancellationToken);
        var information = PublicCodeInformation.From(product, chemical, label, sds);
        var body = cache.Body(information);
        // Anyone may read it: the entry names no owner.
        await cache.StoreAsync(code, CodeView.Public, cached, default, body);
        return new JsonBody<PublicCodeInformation>(body);
    }
}
