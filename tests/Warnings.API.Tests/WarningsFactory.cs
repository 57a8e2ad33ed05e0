using EmergencyOps.Testing;

namespace Warnings.API.Tests;

public sealed class WarningsFactory() : ServiceFactory<Program>("warningsdb");
