using System.Globalization;

namespace EmergencyOps.Testing.BadInput;

/// <summary>
/// The seed every generated corpus is drawn from: <c>EMERGENCYOPS_BADINPUT_SEED</c>, or a fixed default so a plain run is
/// repeatable. Each operation draws from its own generator, derived from the seed and the operation's name, so a failure
/// reproduces with the same seed whatever else the document holds and in whatever order requests were sent.
/// </summary>
public static class BadInputSeed
{
    public const string Variable = "EMERGENCYOPS_BADINPUT_SEED";
    public const int Default = 20261129;

    public static int Current =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : Default;

    /// <summary>How to repeat a run, for every failure message.</summary>
    public static string Reproduce(int seed) => $"{Variable}={seed.ToString(CultureInfo.InvariantCulture)}";

    // string.GetHashCode differs between processes: FNV-1a is the same everywhere.
    public static Random For(int seed, string operation)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var c in operation)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return new Random((int)hash);
    }

    public static Guid NextGuid(this Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
