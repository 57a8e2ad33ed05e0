using System.Collections;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmergencyOps.Integrators.Tests.AsyncApi;

/// <summary>
/// One example per event, built as a real instance of the record and serialized with the wire options, so an example
/// can never disagree with its schema. Values are stable (ids derive from names) so the document does not churn.
/// </summary>
internal static class Examples
{
    private static readonly DateTimeOffset When = new(2025, 7, 28, 9, 30, 0, TimeSpan.FromHours(8));

    // Meaningful values by parameter name; "Namespace.Name" wins over "Name" where one name means different things.
    private static readonly Dictionary<string, object> Hints = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DistrictCode"] = "310116", ["DistrictCodes"] = "310116", ["CreditCode"] = "91310116MA1J8K3X7T",
        ["Hazards.Name"] = "上海金山石化物流有限公司", ["EnterpriseName"] = "上海金山石化物流有限公司", ["UnitName"] = "1号液氨储罐区",
        ["Shelters.Name"] = "金山区体育中心应急避难场所", ["Code"] = "HC3101160000012K", ["ChildCode"] = "HC3101160000013H",
        ["Cas"] = "7664-41-7", ["ChemicalName"] = "氨", ["TradeName"] = "液氨", ["ResolveUrl"] = "https://ops.example.gov.cn/c/HC3101160000012K",
        ["Step"] = "shipping", ["Hazards.Unit"] = "t", ["Warnings.Unit"] = "上海燃气有限公司", ["Rule"] = "after-disposal",
        ["Detail"] = "Dispensing after the product was disposed of", ["Title"] = "储罐区可燃气体报警器失效",
        ["Type"] = "typhoon", ["Headline"] = "金山区台风橙色预警", ["MaterialCode"] = "SANDBAG-50KG", ["Batch"] = "B2025-07",
        ["Kind"] = "Receipt", ["Findings"] = "Emergency exit blocked", ["Shelters.Reason"] = "Warning lifted",
        ["SupervisingUnit"] = "金山区应急管理局", ["VerifiedBy"] = "regulator.zhang", ["RejectedBy"] = "regulator.zhang",
        ["ListedBy"] = "regulator.zhang", ["ClosedBy"] = "regulator.zhang", ["Reason"] = "Not a hidden danger: the detector was under maintenance",
        ["Latitude"] = 30.7248, ["Longitude"] = 121.3412, ["Version"] = 1, ["Sequence"] = 3, ["Capacity"] = 800,
        ["Available"] = 650, ["Occupancy"] = 150, ["Change"] = 20, ["Minimum"] = 500, ["Quantity"] = 120, ["Verified"] = true,
        ["Criteria"] = 4,
    };

    public static JsonObject For(Type type) =>
        JsonSerializer.SerializeToNode(Create(type, type.Name, type, nullable: false), PayloadSchemas.Wire)!.AsObject();

    public static Guid StableId(string name) => new(SHA256.HashData(Encoding.UTF8.GetBytes(name))[..16]);

    private static object? Create(Type type, string name, Type owner, bool nullable)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var element = type.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            list.Add(Create(element, name, owner, nullable: false));
            return list;
        }
        var area = owner.Namespace![(owner.Namespace!.LastIndexOf('.') + 1)..];
        if (!(Nullable.GetUnderlyingType(type) ?? type).IsEnum
            && (Hints.TryGetValue($"{area}.{name}", out var hint) || Hints.TryGetValue(name, out hint)))
        {
            return Convert.ChangeType(hint, Nullable.GetUnderlyingType(type) ?? type, System.Globalization.CultureInfo.InvariantCulture);
        }
        if (nullable || Nullable.GetUnderlyingType(type) is not null)
        {
            return null; // optional values without a hint show as null, as they travel when absent
        }
        if (type == typeof(string))
        {
            return name == "Source" ? area.ToLowerInvariant() : $"example {name}";
        }
        if (type == typeof(Guid))
        {
            return StableId($"{owner.Name}.{name}");
        }
        if (type == typeof(DateTimeOffset))
        {
            return name is "Deadline" or "Expires" ? When.AddHours(2) : When;
        }
        if (type == typeof(DateOnly))
        {
            return DateOnly.FromDateTime(When.Date.AddDays(30));
        }
        if (type.IsEnum)
        {
            return Enum.GetValues(type).GetValue(0);
        }
        if (type.IsPrimitive || type == typeof(decimal))
        {
            return Convert.ChangeType(type == typeof(bool) ? false : type == typeof(decimal) ? 1.25m : 1, type, System.Globalization.CultureInfo.InvariantCulture);
        }
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var nullability = new NullabilityInfoContext();
        return constructor.Invoke([.. constructor.GetParameters().Select(p =>
            Create(p.ParameterType, p.Name!, owner, nullability.Create(p).WriteState == NullabilityState.Nullable))]);
    }
}
