using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace EmergencyOps.AppHost;

/// <summary>
/// What a run of the system may choose, from the command line (<c>--data-dir</c>, <c>--replicas</c>, <c>--seed</c>),
/// environment variables or user secrets.
/// </summary>
internal sealed record SystemSettings(string DataDirectory, int Replicas, string? Seed)
{
    public const int MaxReplicas = 8;

    public static SystemSettings Read(IDistributedApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var dataDirectory = Path.GetFullPath(FirstSet(config["data-dir"], config["EMERGENCYOPS_DATA_DIR"])
            ?? Path.Combine(builder.AppHostDirectory, "..", "..", "data"));
        Directory.CreateDirectory(dataDirectory);
        return new SystemSettings(dataDirectory, ReplicaCount(config["replicas"]), SeedName(config["seed"]));
    }

    private static string? FirstSet(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static int ReplicaCount(string? value) =>
        value is null ? 1
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxReplicas ? n
        : throw new ArgumentException($"--replicas expects a number from 1 to {MaxReplicas}, not '{value}'");

    // The seed name becomes a folder name, so keep it to a plain word.
    private static string? SeedName(string? value) =>
        string.IsNullOrEmpty(value) ? null
        : value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? value
        : throw new ArgumentException($"--seed expects a plain name such as 'demo', not '{value}'");
}
