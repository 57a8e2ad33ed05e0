using System.ComponentModel.DataAnnotations;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.Geography;
using EmergencyOps.Messaging.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Warnings.API.Extensions;
using Warnings.API.Infrastructure;
using Warnings.API.Model;

namespace Warnings.API.Apis;

/// <summary>Monitoring readings against thresholds; what the system suggests instead of doing.</summary>
public static class MonitoringApi
{
    public static RouteGroupBuilder MapMonitoringApi(this RouteGroupBuilder api)
    {
        api.MapPost("/readings", PostReadings).WithName("PostReadings").WithRequestExample(WarningExamples.Readings).WithIdempotency<WarningsContext>()
            .WithSummary("Post one reading or a batch; breaches issue or escalate one warning per station and indicator").RequireAuthorization(WarningsPolicies.Readings);
        api.MapPut("/thresholds/{indicator}", PutThreshold).WithName("PutThreshold").WithRequestExample(WarningExamples.Threshold)
            .WithSummary("Set an indicator's thresholds per level, hysteresis band and hold time; the indicator matches " + WarningLimits.IndicatorPattern)
            .WithDescription(WarningLimits.IndicatorRule + " Thresholds are from -1,000,000 to 1,000,000, each level above the one before; the hysteresis band is 0 to 1,000,000; the hold time 0 to 1440 minutes.")
            .RequireAuthorization(WarningsPolicies.Admin);
        api.MapGet("/thresholds", ListThresholds).WithName("ListThresholds").WithSummary("Every indicator's thresholds").RequireAuthorization(WarningsPolicies.Read);
        api.MapSuggestionsApi();
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<ReadingOutcome>>, ValidationProblem, ProblemHttpResult>> PostReadings(
        ReadingsRequest request, [AsParameters] WarningServices services, MonitoringEngine engine, CancellationToken cancellationToken)
    {
        var inputs = request.Readings ?? [new ReadingInput(request.Indicator, request.Station, request.District, request.Value, request.ObservedAt)];
        var errors = new Dictionary<string, string[]>();
        if (inputs.Count is 0 or > WarningLimits.Readings) errors["readings"] = [$"Post 1 to {WarningLimits.Readings} readings."];
        // One reading at the top level or a batch in readings, never both: a top-level field beside a batch would be ignored.
        if (request.Readings is not null)
        {
            foreach (var (field, value) in new (string, object?)[] { ("indicator", request.Indicator), ("station", request.Station), ("district", request.District), ("value", request.Value), ("observedAt", request.ObservedAt) })
            {
                if (value is not null) errors[field] = ["Send one reading in the top-level fields or several in readings, not both."];
            }
        }
        var thresholds = await services.Db.Thresholds.AsNoTracking().ToDictionaryAsync(t => t.Indicator, cancellationToken);
        var now = services.Publisher.Now;
        for (var i = 0; i < inputs.Count; i++)
        {
            var r = inputs[i];
            var at = request.Readings is null ? "" : $"readings[{i}].";
            if (r.Indicator is null || !thresholds.ContainsKey(r.Indicator)) errors[at + "indicator"] = [$"'{r.Indicator}' has no thresholds (PUT /api/warnings/thresholds/{{indicator}} first)."];
            if (r.Station is null || !WarningLimits.IsStation(r.Station)) errors[at + "station"] = [WarningLimits.StationRule];
            if (!Districts.IsKnown(r.District)) errors[at + "district"] = [$"'{r.District}' is not a Shanghai district code (GB/T 2260)."];
            if (r.Value is null) errors[at + "value"] = ["The value is required."];
            if (r.ObservedAt is null || r.ObservedAt.Value.UtcDateTime > now.AddMinutes(5)) errors[at + "observedAt"] = ["The observation time is required and cannot be in the future."];
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        // Readings of one station are applied in the order they were observed, whatever order they came in.
        var outcomes = new List<ReadingOutcome>();
        foreach (var r in inputs.OrderBy(r => r.ObservedAt))
        {
            outcomes.Add(await engine.ApplyAsync(thresholds[r.Indicator!], r.Station!.Trim(), r.District!, r.Value!.Value, r.ObservedAt!.Value.UtcDateTime, cancellationToken));
        }
        try
        {
            await services.Publisher.SaveAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request changed the same station's state first (revision check): nothing of this batch was kept.
            return TypedResults.Problem("Readings of the same station were applied at the same moment; post this batch again.",
                statusCode: StatusCodes.Status409Conflict, title: "Station busy");
        }
        return TypedResults.Ok<IReadOnlyList<ReadingOutcome>>(outcomes);
    }

    public static async Task<Results<Ok<ThresholdResponse>, ValidationProblem>> PutThreshold(
        [RegularExpression(WarningLimits.IndicatorPattern, ErrorMessage = WarningLimits.IndicatorRule)] string indicator,
        ThresholdRequest request, [AsParameters] WarningServices services, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        // The path becomes a key, a log line and part of warning texts: a plain token only (no line breaks, '../' or quotes).
        if (!WarningLimits.IsIndicator(indicator)) errors["indicator"] = [WarningLimits.IndicatorRule];
        var type = WarningTypeCatalogue.Find(request.WarningType);
        if (type is null) errors["warningType"] = [$"'{request.WarningType}' is not a warning type."];
        var unit = WarningValidation.Text(request.Unit, "unit", WarningLimits.MeasureUnit, errors, required: true);
        var levels = new (string Name, EmergencyOps.Contracts.Warnings.WarningLevel Level, decimal? Value)[]
        {
            ("blue", EmergencyOps.Contracts.Warnings.WarningLevel.Blue, request.Blue), ("yellow", EmergencyOps.Contracts.Warnings.WarningLevel.Yellow, request.Yellow),
            ("orange", EmergencyOps.Contracts.Warnings.WarningLevel.Orange, request.Orange), ("red", EmergencyOps.Contracts.Warnings.WarningLevel.Red, request.Red),
        };
        var set = levels.Where(l => l.Value is not null).ToList();
        if (set.Count == 0) errors["levels"] = ["Give the threshold of at least one level."];
        foreach (var l in set.Where(l => type is not null && !type.Allows(l.Level))) errors[l.Name] = [$"{type!.NameZh} warnings have no {l.Name} level."];
        for (var i = 1; i < set.Count; i++)
        {
            if (set[i].Value <= set[i - 1].Value) errors[set[i].Name] = [$"The {set[i].Name} threshold must be above the {set[i - 1].Name} threshold."];
        }
        if (request.Hysteresis is < 0) errors["hysteresis"] = ["The hysteresis band cannot be negative."];
        if (request.HoldMinutes is < 0 or > WarningLimits.HoldMinutes) errors["holdMinutes"] = [$"The hold time is 0 to {WarningLimits.HoldMinutes} minutes."];
        var units = WarningValidation.Units(request.ResponsibleUnits, errors) ?? [];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var threshold = await services.Db.Thresholds.FindAsync([indicator], cancellationToken);
        if (threshold is null)
        {
            threshold = new Threshold { Indicator = indicator, WarningType = type!.Code, Unit = unit! };
            services.Db.Thresholds.Add(threshold);
        }
        (threshold.WarningType, threshold.Unit, threshold.Blue, threshold.Yellow, threshold.Orange, threshold.Red) =
            (type!.Code, unit!, request.Blue, request.Yellow, request.Orange, request.Red);
        threshold.Hysteresis = request.Hysteresis ?? 0;
        threshold.Hold = TimeSpan.FromMinutes(request.HoldMinutes ?? 0);
        threshold.AutoDowngrade = request.AutoDowngrade ?? false;
        threshold.ResponsibleUnits = units;
        threshold.UpdatedAt = services.Publisher.Now;
        await services.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ThresholdResponse.From(threshold));
    }

    public static async Task<Ok<IReadOnlyList<ThresholdResponse>>> ListThresholds([AsParameters] WarningServices services, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<ThresholdResponse>>([.. (await services.Db.Thresholds.AsNoTracking().OrderBy(t => t.Indicator).ToListAsync(cancellationToken))
            .Select(ThresholdResponse.From)]);
}
