using EmergencyOps.Messaging.Faults;
using EmergencyOps.Messaging.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EmergencyOps.Messaging.Bus;

public static class MessagingExtensions
{
    public const string ConnectionName = "messaging";

    /// <summary>
    /// MassTransit on RabbitMQ (<c>ConnectionStrings:messaging</c>) for a service whose events leave
    /// through the transactional outbox of <typeparamref name="TContext"/>; consumers are added by
    /// <paramref name="configure"/> and get retries, then the <c>_error</c> queue.
    /// </summary>
    public static IHostApplicationBuilder AddServiceMessaging<TContext>(
        this IHostApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? configure = null)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<MessagingOptions>()
            .Bind(builder.Configuration.GetSection(MessagingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<OutboxOptions>()
            .Bind(builder.Configuration.GetSection($"{MessagingOptions.SectionName}:Outbox"))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddTimeProvider();
        builder.Services.AddScoped<IEventOutbox, EventOutbox<TContext>>();
        builder.Services.AddScoped<CorrelationContext>();
        builder.Services.AddHttpContextAccessor();

        var broker = new Uri(builder.Configuration.GetConnectionString(ConnectionName) ?? "amqp://guest:guest@localhost:5672/");
        var settings = builder.Configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>() ?? new MessagingOptions();
        if (settings.FailPointDirectory is { Length: > 0 } failPoints)
        {
            if (builder.Environment.IsProduction())
            {
                throw new InvalidOperationException("Messaging:FailPointDirectory kills the process at chosen points for fault tests; it is refused in Production.");
            }
            FailPoints.WatchDirectory(failPoints);
        }
        var queuePrefix = string.IsNullOrEmpty(settings.EntityPrefix) ? serviceName : $"{settings.EntityPrefix}-{serviceName}";

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(queuePrefix, false));
            configure?.Invoke(bus);
            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                endpoint.UseMessageRetry(r => r.Exponential(settings.RetryLimit, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)));
                if (endpoint is not IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    return;
                }
                if (settings.TemporaryQueues)
                {
                    rabbit.Durable = false;
                    rabbit.AutoDelete = true;
                }
                else if (settings.QuorumQueues)
                {
                    rabbit.SetQuorumQueue();
                }
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.ConfigureBroker(broker);
                if (!string.IsNullOrEmpty(settings.EntityPrefix))
                {
                    rabbit.MessageTopology.SetEntityNameFormatter(
                        new PrefixEntityNameFormatter(rabbit.MessageTopology.EntityNameFormatter, settings.EntityPrefix + "-"));
                }
                rabbit.ConfigureEndpoints(context);
            });
        });
        // Start without waiting for the broker: the service stays up (not ready) during an outage
        // and the outbox holds what it accepts meanwhile.
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = false);
        builder.Services.AddHostedService<OutboxDispatcher<TContext>>();
        return builder;
    }

    /// <summary>Host, virtual host and credentials from an amqp:// URI (Aspire's RabbitMQ connection string).</summary>
    public static void ConfigureBroker(this IRabbitMqBusFactoryConfigurator rabbit, Uri broker)
    {
        ArgumentNullException.ThrowIfNull(rabbit);
        ArgumentNullException.ThrowIfNull(broker);
        var virtualHost = Uri.UnescapeDataString(broker.AbsolutePath.TrimStart('/'));
        var port = broker.IsDefaultPort || broker.Port <= 0 ? (ushort)5672 : (ushort)broker.Port;
        rabbit.Host(broker.Host, port, string.IsNullOrEmpty(virtualHost) ? "/" : virtualHost, h =>
        {
            var credentials = broker.UserInfo.Split(':', 2);
            if (credentials[0].Length > 0)
            {
                h.Username(Uri.UnescapeDataString(credentials[0]));
                h.Password(credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : "");
            }
        });
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
