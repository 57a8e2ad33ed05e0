using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Geography;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using Hazards.API.Extensions;
using Hazards.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static Hazards.API.Apis.HiddenDangerRules;

namespace Hazards.API.Apis;

/// <summary>
/// The regulators' view across enterprises: hidden dangers by state, grade, source and district, e.g. the citizens'
/// reports awaiting verification (<c>state=reported</c>), oldest first so none waits forever.
/// </summary>
public static class HiddenDangerQueueApi
{
    public static RouteGroupBuilder MapHiddenDangerQueueApi(this RouteGroupBuilder dangers)
    {
        dangers.MapGet("/", Search).WithName("SearchHiddenDangers")
            .WithSummary("Hidden dangers across enterprises by state, grade, source and district, oldest report first (regulators)")
            .RequireAuthorization(HazardsPolicies.Supervise);
        return dangers;
    }

    public static async Task<Results<Ok<PaginatedItems<RegulatedHiddenDanger>>, ValidationProblem, ProblemHttpResult>> Search(
        [AsParameters] HazardServices services, CancellationToken cancellationToken,
        [OneOf(typeof(HiddenDangerState)), Text(HazardLimits.EnumNameLength)] string? state = null,
        [OneOf(typeof(HiddenDangerGrade)), Text(HazardLimits.EnumNameLength)] string? grade = null,
        [OneOf(typeof(HiddenDangerSource)), Text(HazardLimits.EnumNameLength)] string? source = null,
        [Text(HazardLimits.DistrictCodeLength)] string? district = null,
        [PageIndex] int pageIndex = 0, [PageSize] int pageSize = 50)
    {
        if ((await services.BindingAsync(cancellationToken)).Bound)
        {
            return NotARegulator(Guid.Empty, "The caller acts for an enterprise: the hidden dangers of every enterprise are the regulator's to read.");
        }
        HiddenDangerState? inState = EnumNames.TryParse<HiddenDangerState>(state, out var s) ? s : null;
        HiddenDangerGrade? ofGrade = EnumNames.TryParse<HiddenDangerGrade>(grade, out var g) ? g : null;
        HiddenDangerSource? bySource = EnumNames.TryParse<HiddenDangerSource>(source, out var o) ? o : null;
        if (state is not null && inState is null) return Problems.Invalid("state", $"State is one of: {EnumNames.List<HiddenDangerState>()}.");
        if (grade is not null && ofGrade is null) return Problems.Invalid("grade", $"Grade is one of: {EnumNames.List<HiddenDangerGrade>()}.");
        if (source is not null && bySource is null) return Problems.Invalid("source", $"Source is one of: {EnumNames.List<HiddenDangerSource>()}.");
        if (district is not null && !Districts.IsKnown(district)) return Problems.Invalid("district", $"'{district}' is not a Shanghai district code.");

        var db = services.Db;
        var query = from d in db.HiddenDangers.AsNoTracking() join e in db.Enterprises.AsNoTracking() on d.EnterpriseId equals e.Id select new { d, e };
        if (inState is not null) query = query.Where(x => x.d.State == inState);
        if (ofGrade is not null) query = query.Where(x => x.d.Grade == ofGrade);
        if (bySource is not null) query = query.Where(x => x.d.Source == bySource);
        if (district is not null) query = query.Where(x => x.e.DistrictCode == district);
        var count = await query.LongCountAsync(cancellationToken);
        var page = await query.OrderBy(x => x.d.ReportedAt).ThenBy(x => x.d.Id).Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PaginatedItems<RegulatedHiddenDanger>(pageIndex, pageSize, count,
            [.. page.Select(x => new RegulatedHiddenDanger(HiddenDangerSummary.From(x.d), x.e.Name, x.e.DistrictCode, x.d.Location))]));
    }
}
