namespace Identity.API.Apis;

public static class IdentityApi
{
    /// <summary>The protocol endpoints, the sign-in page, and the administrators' API under <c>/api/identity</c>.</summary>
    public static IEndpointRouteBuilder MapIdentityApi(this IEndpointRouteBuilder app)
    {
        app.MapConnectApi();
        app.MapAccountApi();
        var api = app.MapGroup("/api/identity");
        api.MapClientsApi();
        api.MapPeopleApi();
        return app;
    }
}
