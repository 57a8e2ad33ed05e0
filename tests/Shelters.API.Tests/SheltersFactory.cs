using EmergencyOps.Testing;

namespace Shelters.API.Tests;

public class SheltersFactory() : ServiceFactory<Program>("sheltersdb");
