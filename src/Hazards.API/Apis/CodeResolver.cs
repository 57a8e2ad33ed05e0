using EmergencyOps.ServiceDefaults;
using Hazards.API.Infrastructure;
using Hazards.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hazards.API.Apis;

/// <summary>
/// A code resolved in full (一书一签 with the trace summary). The answer is the same for every caller allowed to read it, so
/// it is cached whole in Redis (<see cref="CodeCache"/>); who may read it is decided on every request, from the owner,
/// holder and consignee the answer itself carries.
/// </summary>
public static class CodeResolver
{
    public static async Task<Results<JsonBody<CodeResolution>, NotFound, ValidationProblem, ProblemHttpResult>> Resolve(
        string code, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        if (CodesApi.CheckCode(ref code) is { } invalid)
        {
            return invalid;
        }
        // Read before the database, so an answer read there is stored under stamps no newer than it.
        var cached = await services.Cache.GetAsync(code, CodeView.Full);
        if (cached.Value is { } hit)
        {
            var binding = await services.BindingAsync(cancellationToken);
            return binding.MayRead(hit.Access.Owner, hit.Access.Holder, hit.Access.Consignee)
                ? new JsonBody<CodeResolution>(hit.Json) : HazardServices.NotYourCode(code);
        }
        var (product, refused) = await services.ReadableProductAsync(code, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        if (product is null)
        {
            return TypedResults.NotFound();
        }
        var resolution = await LoadAsync(product, services, cancellationToken);
        var body = services.Cache.Body(resolution);
        var access = new CodeAccess(resolution.Product.EnterpriseId, resolution.Trace.HolderEnterpriseId, resolution.Trace.InTransitTo);
        await services.Cache.StoreAsync(code, CodeView.Full, cached, access, body);
        return new JsonBody<CodeResolution>(body);
    }

    private static async Task<CodeResolution> LoadAsync(Product product, HazardServices services, CancellationToken cancellationToken)
    {
        var db = services.Db;
        var code = product.Code;
        var enterprise = await db.Enterprises.AsNoTracking().SingleAsync(e => e.Id == product.EnterpriseId, cancellationToken);
        var chemical = await db.Chemicals.AsNoTracking().SingleAsync(c => c.Cas == product.Cas, cancellationToken);
        var sds = await db.SdsRevisions.AsNoTracking().Where(r => r.ProductId == product.Id).OrderByDescending(r => r.Revision).FirstAsync(cancellationToken);
        var label = await db.LabelRevisions.AsNoTracking().Where(r => r.ProductId == product.Id).OrderByDescending(r => r.Revision).FirstAsync(cancellationToken);
        var lastStep = await db.Scans.AsNoTracking().Where(s => s.Code == code).OrderByDescending(s => s.Sequence).Select(s => (ScanStep?)s.Step).FirstOrDefaultAsync(cancellationToken);
        var holder = product.HolderEnterpriseId is { } h ? await db.Enterprises.AsNoTracking().Where(e => e.Id == h).Select(e => e.Name).SingleOrDefaultAsync(cancellationToken) : null;
        var anomalies = await db.Anomalies.CountAsync(a => a.Code == code, cancellationToken);
        var children = await db.Products.AsNoTracking().Where(p => p.ParentCode == code).OrderBy(p => p.Code).Select(p => p.Code).ToListAsync(cancellationToken);
        var trace = new TraceSummary(product.LastSequence, lastStep is { } step ? TraceRules.Name(step) : null, product.LastScannedAt, product.HolderEnterpriseId, holder,
            product.InTransitTo, product.Remaining, product.Unit, product.Disposed, anomalies);
        var url = services.Issuer.ResolveUrl(code);
        return new CodeResolution(code, url, services.Issuer.Response(product), EnterpriseResponse.From(enterprise),
            ChemicalResponse.From(chemical, await services.CategoriesAsync(cancellationToken)), SdsResponse.From(sds), LabelResponse.From(label), trace, children);
    }
}
