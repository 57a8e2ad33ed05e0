using EmergencyOps.Testing;

namespace Hazards.API.Tests;

public sealed class HazardsFactory() : ServiceFactory<Program>("hazardsdb");
