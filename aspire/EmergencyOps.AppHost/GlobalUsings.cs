global using Aspire.Hosting;
global using Aspire.Hosting.ApplicationModel;
global using EmergencyOps.AppHost.Seeding;
global using EmergencyOps.Identity.Client;
