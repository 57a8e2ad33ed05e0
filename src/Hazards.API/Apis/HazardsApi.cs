using EmergencyOps.ServiceDefaults;
using Hazards.API.Extensions;

namespace Hazards.API.Apis;

public static class HazardsApi
{
    public static IEndpointRouteBuilder MapHazardsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/hazards");
        api.MapServiceInfo(Extensions.Extensions.ServiceName, HazardsPolicies.Read).WithTags("Hazards");
        api.MapEnterprisesApi();
        api.MapChemicalsApi();
        api.MapStandardTablesApi();
        api.MapProductsApi();
        api.MapCodesApi();
        api.MapPublicCodeApi();
        api.MapScansApi();
        api.MapAnomaliesApi();
        api.MapUnitsApi();
        api.MapMajorHazardsApi();
        api.MapRiskPointsApi();
        api.MapRiskListsApi();
        api.MapHiddenDangersApi();
        api.MapRiskModelApi();
        api.MapEnterpriseCodesApi();
        api.MapCitizenReportsApi();
        return app;
    }
}
