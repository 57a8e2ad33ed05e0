using EmergencyOps.ServiceDefaults;
using Microsoft.AspNetCore.Http;

namespace EmergencyOps.Messaging.Bus;

/// <summary>
/// The correlation id for events raised in the current scope: the request's <c>X-Correlation-ID</c>,
/// or, in a consumer, the id of the message being handled (set by the consumer), or a new one.
/// </summary>
public sealed class CorrelationContext(IHttpContextAccessor http)
{
    private Guid? _id;

    public Guid CorrelationId
    {
        get => _id ??= CorrelationIdMiddleware.Find(http.HttpContext) ?? Guid.NewGuid();
        set => _id = value;
    }
}
