namespace Webhooks.API.Model;

/// <summary>
/// Whether an event goes to a subscription. A filter constrains the events that carry its fact and lets the others
/// through (a district filter does not hold back a product code, which has no district); the status filter applies to
/// every event, since an event that is not an exercise is actual. Subscribing refuses a filter that none of the chosen
/// event types carries, so a filter never silently does nothing.
/// </summary>
public static class SubscriptionFilter
{
    public static bool Matches(Subscription subscription, EventFacts facts)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(facts);
        if (subscription.DistrictCodes.Count > 0 && facts.Districts is { } districts && !districts.Any(subscription.DistrictCodes.Contains))
        {
            return false;
        }
        if (subscription.WarningLevels.Count > 0 && facts.WarningLevel is { } warning && !subscription.WarningLevels.Contains(warning))
        {
            return false;
        }
        if (subscription.HazardLevels.Count > 0 && facts.HazardLevel is { } hazard && !subscription.HazardLevels.Contains(hazard))
        {
            return false;
        }
        return subscription.StatusFilter is not { } status || status == facts.Status;
    }
}
