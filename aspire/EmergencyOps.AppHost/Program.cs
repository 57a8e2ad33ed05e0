using EmergencyOps.AppHost;

var builder = DistributedApplication.CreateBuilder(args);
var system = SystemSettings.Read(builder);

// Debian's RabbitMQ and Redis as executables (there is no container engine), unless connection strings name existing servers.
var messaging = builder.AddExistingOr("messaging", name => builder.AddRabbitMqNode(name, system.DataDirectory));
var redis = builder.AddExistingOr("redis", name => builder.AddRedisServer(name, system.DataDirectory));

var identity = builder.AddIdentityService(system);
var hazards = builder.AddService<Projects.Hazards_API>("hazards", system, messaging, redis);
var warnings = builder.AddService<Projects.Warnings_API>("warnings", system, messaging, redis);
var inventory = builder.AddService<Projects.Inventory_API>("inventory", system, messaging, redis);
var shelters = builder.AddService<Projects.Shelters_API>("shelters", system, messaging, redis);
// Integrators' webhooks; locally their receivers run on this machine, so loopback and plain http are allowed here only.
var webhooks = builder.AddService<Projects.Webhooks_API>("webhooks", system, messaging, redis)
    .WithEnvironment("Webhooks__AllowPrivateNetworks", "true")
    .WithEnvironment("Webhooks__AllowHttp", "true");

// The operations console: static pages the gateway serves at / (every path no service claims).
var console = builder.AddProject<Projects.OperationsConsole>("console").WithHttpHealthCheck("/health/ready");

var gateway = builder.AddProject<Projects.EmergencyOps_Gateway>("gateway")
    .WithReference(console).WaitFor(console)
    .WithReference(identity).WaitFor(identity)
    .WithReference(hazards).WaitFor(hazards)
    .WithReference(warnings).WaitFor(warnings)
    .WithReference(inventory).WaitFor(inventory)
    .WithReference(shelters).WaitFor(shelters)
    .WithReference(webhooks).WaitFor(webhooks)
    .WithHttpHealthCheck("/health/ready")
    .WithDemoData(system);

// Links the services write into documents (CAP, Atom, QR codes) point at the one public origin, and so do tokens.
var publicOrigin = gateway.GetEndpoint("http");
identity.WithEnvironment("Identity__Issuer", publicOrigin)
    .WithEnvironment("Identity__ConsoleRedirectUris__0", ReferenceExpression.Create($"{publicOrigin}/console/callback"))
    .WithEnvironment("Identity__ConsoleRedirectUris__1", ReferenceExpression.Create($"{publicOrigin}/api-reference/"));
gateway.WithEnvironment("Identity__Issuer", publicOrigin);
foreach (var service in new[] { hazards, warnings, inventory, shelters, webhooks })
{
    service.WithIdentity(identity, publicOrigin)
        .WithEnvironment($"{service.Resource.Name}__PublicBaseUrl", publicOrigin);
}

builder.LimitMallocArenas().Build().Run();
