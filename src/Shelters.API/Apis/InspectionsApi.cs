using EmergencyOps.ServiceDefaults;
using EmergencyOps.Messaging.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Shelters.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shelters.API.Extensions;
using Shelters.API.Model;

namespace Shelters.API.Apis;

public static class InspectionsApi
{
    public static RouteGroupBuilder MapInspectionsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/inspections", RecordInspection).WithName("RecordShelterInspection").WithRequestExample(ShelterExamples.Inspection).WithIdempotency<SheltersContext>()
            .WithSummary("Record an inspection (检查); a failed one takes the shelter out of service until one passes (with people inside: no new arrivals, relocation requested)").RequireAuthorization(SheltersPolicies.Inspect);
        api.MapGet("/{id:guid}/inspections", ListInspections).WithName("ListShelterInspections")
            .WithSummary("A shelter's inspections, newest first; kept after a deletion").RequireAuthorization(SheltersPolicies.Read);
        return api;
    }

    public static async Task<Results<Created<InspectionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> RecordInspection(
        Guid id, RecordInspectionRequest request, [AsParameters] ShelterServices services, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var today = DateOnly.FromDateTime(services.Changes.Now);
        if (request.Date is not { } date || date > today) errors["date"] = ["The inspection date is required and cannot be in the future."];
        if (string.IsNullOrWhiteSpace(request.Inspector)) errors["inspector"] = ["The inspector is required."];
        if (string.IsNullOrWhiteSpace(request.Findings)) errors["findings"] = ["Findings are required (write 'none' when there are none)."];
        if (request.Passed is null) errors["passed"] = ["Say whether the inspection passed."];
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var shelter = await services.Db.Shelters.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (shelter is null)
        {
            return TypedResults.NotFound();
        }
        if (!services.Scope.Covers(shelter.DistrictCode))
        {
            return services.Scope.NotYours(shelter);
        }
        var passed = request.Passed!.Value;
        var findings = request.Findings!.Trim();
        var logger = loggerFactory.CreateLogger(typeof(InspectionsApi).FullName!);
        // The finding is always recorded, whatever it does to the shelter.
        var relocation = passed
            ? null
            : await InspectionOutcome.FailAsync(shelter, findings, services, logger, cancellationToken);
        if (passed)
        {
            InspectionOutcome.Pass(shelter, findings, services, logger);
        }
        var inspection = new Inspection
        {
            ShelterId = id, Date = request.Date!.Value, Inspector = request.Inspector!.Trim(), Findings = findings,
            Passed = passed, ShelterOutOfService = shelter.OutOfService, RecordedAt = services.Changes.Now,
        };
        services.Db.Inspections.Add(inspection);
        await services.SaveAsync(shelter.DistrictCode, cancellationToken);
        return TypedResults.Created($"/api/shelters/{id}/inspections/{inspection.Id}",
            new InspectionResponse(inspection.Id, id, inspection.Date, inspection.Inspector, inspection.Findings, inspection.Passed, shelter.OutOfService, relocation));
    }

    public static async Task<Results<Ok<IReadOnlyList<InspectionResponse>>, NotFound, ProblemHttpResult>> ListInspections(
        Guid id, [AsParameters] ShelterServices services, CancellationToken cancellationToken)
    {
        // History stays readable after a deletion, as the log does.
        var shelter = await services.Db.Shelters.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (shelter is null)
        {
            return TypedResults.NotFound();
        }
        if (!services.Scope.Covers(shelter.DistrictCode))
        {
            return services.Scope.NotYours(shelter);
        }
        var list = await services.Db.Inspections.AsNoTracking().Where(i => i.ShelterId == id)
            .OrderByDescending(i => i.Date).ThenByDescending(i => i.RecordedAt)
            // What each inspection did, as stored with it; older rows were recorded only when a failure took the shelter out of service.
            .Select(i => new InspectionResponse(i.Id, i.ShelterId, i.Date, i.Inspector, i.Findings, i.Passed, i.ShelterOutOfService ?? !i.Passed, null))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<InspectionResponse>>(list);
    }
}
