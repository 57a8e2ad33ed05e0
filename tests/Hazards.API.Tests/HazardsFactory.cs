using EmergencyOps.Testing;

namespace Hazards.API.Tests;

public class HazardsFactory() : ServiceFactory<Program>("hazardsdb");
