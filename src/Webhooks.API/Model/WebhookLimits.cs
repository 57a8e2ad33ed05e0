namespace Webhooks.API.Model;

/// <summary>
/// The webhooks service's input limits, written once: the request types' attributes (and so validation and the OpenAPI
/// document) and the EF configurations (and so the SQL Server column sizes) both read them.
/// </summary>
public static class WebhookLimits
{
    public const int UrlLength = 2_000;          // what browsers and proxies reliably carry
    public const int OriginLength = 300;         // scheme, a 253-character host and a port
    public const int DescriptionLength = 200;
    public const int EventTypeLength = 120;      // a record name or its CloudEvents type (cn.gov.sh.emergency.….v1)
    public const int MaxEventTypes = 60;         // every event type the Contracts hold, with room to grow
    public const int DistrictCodeLength = 6;     // GB/T 2260
    public const int MaxDistricts = 20;          // Shanghai has 16 districts
    public const int MaxLevels = 4;              // four warning colours, four major hazard grades
    public const int EnumNameLength = 30;
    public const int OwnerLength = EmergencyOps.ServiceDefaults.ActorNames.MaxLength;
    public const int SecretLength = 100;         // whsec_ and 32 bytes in base64 (44 characters)
    public const int ReasonLength = 400;
    public const int TraceParentLength = 100;    // W3C traceparent is 55 characters

    /// <summary>The JSON text of a list column: brackets, and quotes and a comma per item.</summary>
    public static int JsonListLength(int count, int itemLength) => 2 + count * (itemLength + 3);
}
