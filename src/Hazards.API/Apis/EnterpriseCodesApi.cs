using EmergencyOps.Contracts.Hazards;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using Hazards.API.Extensions;
using Hazards.API.Infrastructure;
using Hazards.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hazards.API.Apis;

/// <summary>
/// The enterprise code (企业码): the enterprise's own code and QR image (a plate at its gate), and the public page the image
/// leads to, without a token (扫码即知). Citizens' reports by the code are in <see cref="CitizenReportsApi"/>.
/// </summary>
public static class EnterpriseCodesApi
{
    public static RouteGroupBuilder MapEnterpriseCodesApi(this RouteGroupBuilder hazards)
    {
        var own = hazards.MapGroup("/enterprises/{id:guid}/code").WithTags("Enterprise codes");
        own.MapGet("/", GetCode).WithName("GetEnterpriseCode")
            .WithSummary("The enterprise's code (企业码), its public URL and report URL").RequireAuthorization(HazardsPolicies.Read);
        own.MapGet("/qr", GetQr).WithName("GetEnterpriseCodeQr")
            .WithSummary("The enterprise code's QR image (PNG, or SVG with format=svg), encoding its public URL").RequireAuthorization(HazardsPolicies.Read);
        hazards.MapGet("/enterprise-codes/{code}/public", GetPublic).WithName("GetPublicEnterpriseInformation").WithTags("Enterprise codes")
            .WithSummary("Public information of an enterprise by its code, no token needed (扫码即知): name, address, risk colour, major hazard levels, emergency phone, how to report")
            .AllowAnonymous();
        return hazards;
    }

    public static async Task<Results<Ok<EnterpriseCodeResponse>, NotFound, ProblemHttpResult>> GetCode(
        Guid id, [AsParameters] HazardServices services, IOptions<HazardsOptions> options, CancellationToken cancellationToken)
    {
        if (!await services.MayActForAsync(id, cancellationToken))
        {
            return HazardServices.NotYours(id);
        }
        var code = await services.CodeOfAsync(id, cancellationToken);
        if (code is null)
        {
            return TypedResults.NotFound();
        }
        var qr = $"/api/hazards/enterprises/{id}/code/qr";
        return TypedResults.Ok(new EnterpriseCodeResponse(id, code, options.Value.EnterprisePublicUrl(code), options.Value.CitizenReportUrl(code), $"{qr}?format=png", $"{qr}?format=svg"));
    }

    public static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem, ProblemHttpResult>> GetQr(
        Guid id, HttpRequest http, [AsParameters] HazardServices services, IOptions<HazardsOptions> options, CancellationToken cancellationToken,
        [OneOf("png", "svg"), Text(3)] string? format = null)
    {
        if (format is not (null or "png" or "svg"))
        {
            return Problems.Invalid("format", "Format is 'png' (the default) or 'svg'.");
        }
        if (!await services.MayActForAsync(id, cancellationToken))
        {
            return HazardServices.NotYours(id);
        }
        var code = await services.CodeOfAsync(id, cancellationToken);
        return code is null
            ? TypedResults.NotFound()
            : QrCodes.Image(options.Value.EnterprisePublicUrl(code), code, format, http, options.Value.QrPixelsPerModule);
    }

    public static async Task<Results<Ok<PublicEnterpriseInformation>, NotFound, ValidationProblem>> GetPublic(
        string code, HazardsContext db, IOptions<HazardsOptions> options, CancellationToken cancellationToken)
    {
        if (CheckCode(ref code) is { } invalid)
        {
            return invalid;
        }
        var c = code;
        var row = await db.EnterpriseCodes.AsNoTracking().SingleOrDefaultAsync(e => e.Code == c, cancellationToken);
        var enterprise = row is null ? null : await db.Enterprises.AsNoTracking().SingleOrDefaultAsync(e => e.Id == row.EnterpriseId, cancellationToken);
        if (enterprise is null)
        {
            return TypedResults.NotFound();
        }
        // The highest colour of the latest accepted filing: what the regulator has accepted, not what is being edited.
        var colour = await db.RiskLists.AsNoTracking().Where(l => l.EnterpriseId == enterprise.Id && l.Status == RiskListStatus.Accepted)
            .OrderByDescending(l => l.Version).Select(l => (RiskColour?)l.Highest).FirstOrDefaultAsync(cancellationToken);
        var levels = await db.Units.AsNoTracking().Where(u => u.EnterpriseId == enterprise.Id && u.IsMajorHazard && u.Level != null)
            .Select(u => u.Level!.Value).ToListAsync(cancellationToken);
        return TypedResults.Ok(PublicEnterpriseInformation.From(code, enterprise, colour, levels, options.Value.CitizenReportUrl(code)));
    }

    /// <summary>Upper-cases the code; a malformed or mistyped one is a 400 on <c>code</c> before any lookup.</summary>
    public static ValidationProblem? CheckCode(ref string code)
    {
        code = code.Trim().ToUpperInvariant();
        return EnterpriseCodes.IsValid(code) ? null : Problems.Invalid("code", EnterpriseCodes.Explain(code));
    }

    /// <summary>The enterprise's code; kept at registration, and made here for an enterprise that has none yet (planted rows).</summary>
    public static async Task<string?> CodeOfAsync(this HazardServices services, Guid id, CancellationToken cancellationToken)
    {
        if (await services.Db.EnterpriseCodes.AsNoTracking().SingleOrDefaultAsync(c => c.EnterpriseId == id, cancellationToken) is { } row)
        {
            return row.Code;
        }
        if (!await services.Db.Enterprises.AnyAsync(e => e.Id == id, cancellationToken))
        {
            return null;
        }
        var made = EnterpriseCode.For(id);
        services.Db.EnterpriseCodes.Add(made);
        await services.TrySaveAsync(cancellationToken); // a racing request kept the same code: either row is the one
        return made.Code;
    }
}
