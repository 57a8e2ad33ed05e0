using System.Globalization;
using Webhooks.API.Model;

namespace Webhooks.API.Apis;

/// <summary>Realistic request bodies for the OpenAPI document (and a starting point for integrators).</summary>
public static class WebhookExamples
{
    // The metro's dispatch platform wants major hazard sources and orange or red warnings in Pudong, never exercises.
    public static readonly SubscribeRequest Subscribe = new(
        "https://hooks.metro-dispatch.example/emergencyops",
        ["MajorHazardSourceClassified", "MajorHazardLevelChanged", "cn.gov.sh.emergency.warning.warning-issued.v1", "WarningUpdated", "WarningEnded"],
        new SubscriptionFilterRequest(["310115"], ["orange", "red"], ["level1", "level2"], "actual"),
        "上海地铁运营调度平台：浦东新区重大危险源与橙色以上预警");

    public static readonly ReplaySinceRequest ReplaySince = new(DateTimeOffset.Parse("2026-11-29T08:00:00+08:00", CultureInfo.InvariantCulture));
}
