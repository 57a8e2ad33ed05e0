using System.Globalization;
using System.Runtime.InteropServices;

namespace EmergencyOps.Benchmarks;

/// <summary>The machine the run measured, so a figure is never read without it.</summary>
internal sealed record Machine(int Cores, string Cpu, double MemoryGiB, string Os, string Runtime, string Configuration)
{
    public static Machine Describe() => new(
        Environment.ProcessorCount,
        ProcLine("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Math.Round(Kilobytes(ProcLine("/proc/meminfo", "MemTotal")) / 1024d / 1024d, 1),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
#if DEBUG
        "Debug");
#else
        "Release");
#endif

    /// <summary>The 1, 5 and 15 minute load averages.</summary>
    public static double[] LoadAverage()
    {
        try
        {
            return [.. File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
        }
        catch (IOException)
        {
            return [];
        }
    }

    private static string? ProcLine(string file, string key)
    {
        try
        {
            return File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }

    // "123456 kB" → 123456
    internal static double Kilobytes(string? line) =>
        line is null ? double.NaN : double.Parse(new string([.. line.Where(char.IsAsciiDigit)]), CultureInfo.InvariantCulture);
}
