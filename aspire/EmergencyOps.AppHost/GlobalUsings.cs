global using Aspire.Hosting;
global using Aspire.Hosting.ApplicationModel;
global using EmergencyOps.AppHost.Seeding;
