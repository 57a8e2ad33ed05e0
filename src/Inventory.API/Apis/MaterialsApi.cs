using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using Inventory.API.Extensions;
using Inventory.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using L = Inventory.API.Model.InventoryLimits;

namespace Inventory.API.Apis;

/// <summary>category: the catalogue's names as GET /materials writes them (floodControl, rescue, livingSupport, ...).</summary>
public sealed record MaterialRequest(
    [property: Text(L.MaterialName)] string? Name,
    [property: OneOf(typeof(MaterialCategory))] string? Category,
    [property: Text(L.Unit)] string? Unit,
    [property: Bounded(1, L.MaxShelfLifeDays)] int? ShelfLifeDays,
    bool? BatchTracked);

/// <summary>The material catalogue (物资目录): seeded with the common reserve materials, maintained by administrators.</summary>
public static class MaterialsApi
{
    public static RouteGroupBuilder MapMaterialsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/materials", ListMaterials).WithName("ListMaterials")
            .WithSummary("The material catalogue (物资目录)").RequireAuthorization(InventoryPolicies.Read);
        api.MapPut("/materials/{code}", PutMaterial).WithName("PutMaterial")
            .WithSummary("Add a material to the catalogue or change one").WithRequestExample(InventoryExamples.Material).RequireAuthorization(InventoryPolicies.Manage);
        return api;
    }

    public static async Task<Ok<List<Material>>> ListMaterials([AsParameters] InventoryServices services, CancellationToken cancellationToken) =>
        TypedResults.Ok(await services.Db.Materials.AsNoTracking().OrderBy(m => m.Code).ToListAsync(cancellationToken));

    public static async Task<Results<Ok<Material>, Created<Material>, ValidationProblem, ProblemHttpResult>> PutMaterial(
        string code, MaterialRequest r, [AsParameters] InventoryServices services, CancellationToken cancellationToken)
    {
        if (!services.Scope.IsCityWide)
        {
            return services.Scope.CityWideOnly("the material catalogue");
        }
        var errors = new Dictionary<string, string[]>();
        if (code.Length > L.Code || !code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')) errors["code"] = [$"A code of up to {L.Code} letters, digits and dashes."];
        if (Required.IsMissing(r.Name)) errors["name"] = ["A name is required."];
        if (!EnumNames.TryParse<MaterialCategory>(r.Category, out var category)) errors["category"] = [$"One of: {EnumNames.List<MaterialCategory>()}."];
        if (Required.IsMissing(r.Unit)) errors["unit"] = ["A unit (个, 件, 箱, ...) is required."];
        if (r.ShelfLifeDays is <= 0 or > L.MaxShelfLifeDays) errors["shelfLifeDays"] = [$"Shelf life is a number of days from 1 to {L.MaxShelfLifeDays}, or absent for materials that do not expire."];
        if (r.ShelfLifeDays is not null && r.BatchTracked != true) errors["batchTracked"] = ["A material that expires must be tracked by batch (its expiry lives on the batch)."];
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var material = await services.Db.Materials.SingleOrDefaultAsync(m => m.Code == code, cancellationToken);
        var created = material is null;
        if (material is not null && material.BatchTracked != r.BatchTracked
            && await services.Db.StockLevels.AnyAsync(l => l.MaterialCode == code && l.OnHand > 0, cancellationToken))
        {
            return TypedResults.Problem($"{code} is in stock; whether it is tracked by batch cannot change while it is.", statusCode: StatusCodes.Status409Conflict, title: "Material in stock");
        }
        material ??= services.Db.Materials.Add(new Material { Code = code, Name = "", Unit = "" }).Entity;
        (material.Name, material.Category, material.Unit, material.ShelfLifeDays, material.BatchTracked) = (r.Name!.Trim(), category, r.Unit!.Trim(), r.ShelfLifeDays, r.BatchTracked ?? false);
        await services.Db.SaveChangesAsync(cancellationToken);
        return created ? TypedResults.Created($"/api/inventory/materials/{code}", material) : TypedResults.Ok(material);
    }
}
