using EmergencyOps.Testing;

namespace Shelters.API.Tests;

public sealed class SheltersFactory() : ServiceFactory<Program>("sheltersdb");
