using Microsoft.EntityFrameworkCore;

namespace EmergencyOps.Messaging.Persistence;

public static class UtcDateTimeConventions
{
    /// <summary>
    /// Reads every DateTime and DateTime? of the model back as UTC (<see cref="UtcDateTimeConverter"/>), the outbox's and
    /// inbox's included; call from <c>ConfigureConventions</c>. The columns and their SQL are unchanged.
    /// </summary>
    public static ModelConfigurationBuilder UseUtcDateTimes(this ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        return configurationBuilder;
    }
}
