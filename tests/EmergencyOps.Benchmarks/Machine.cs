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

    /// <summary>Resident memory of a process in MB (VmRSS of /proc/PID/status), NaN when it is gone.</summary>
    public static double ResidentMegabytes(int pid, string field = "VmRSS")
    {
        try
        {
            return Kilobytes(File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal))) / 1024d;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return double.NaN;
        }
    }

    /// <summary>
    /// "287 MB: 101 private, 76 executable, 110 mapped files", from one read of /proc/PID/status. Private (RssAnon) is the
    /// managed heap, native heaps and stacks. Executable (RssShmem) is the runtime's memory for JIT'd code, stubs and the
    /// data beside them, which it maps through a shared memory file to keep writable and executable views apart (W^X); a page
    /// mapped in both views counts twice. Mapped files (RssFile) are the runtime's and libraries' images, the same pages in
    /// every service.
    /// </summary>
    public static string ResidentParts(int pid)
    {
        try
        {
            var status = File.ReadAllLines($"/proc/{pid}/status");
            double Field(string name) => Kilobytes(status.FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.Ordinal))) / 1024d;
            return string.Create(CultureInfo.InvariantCulture,
                $"{Field("VmRSS"):0} MB: {Field("RssAnon"):0} private, {Field("RssShmem"):0} executable, {Field("RssFile"):0} mapped files");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "gone";
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
    private static double Kilobytes(string? line) =>
        line is null ? double.NaN : double.Parse(new string([.. line.Where(char.IsAsciiDigit)]), CultureInfo.InvariantCulture);
}
