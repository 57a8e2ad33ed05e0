using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EmergencyOps.Samples.Integrator;

/// <summary>
/// Prints EmergencyOps' hazard and warning events as they arrive. Configure it with <c>Integrator__Broker</c>
/// (the integrator user's amqp:// URI) and optionally <c>Integrator__Queue</c>; Ctrl-C stops it.
/// </summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        // Settings beside the program, wherever it is started from (dotnet run --project from the repository's root).
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddIntegrator(builder.Configuration);
        await builder.Build().RunAsync();
    }

    public static IServiceCollection AddIntegrator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IntegratorOptions>()
            .Bind(configuration.GetSection(IntegratorOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<EventSubscriber>();
        services.AddHostedService(sp => sp.GetRequiredService<EventSubscriber>());
        return services;
    }
}
