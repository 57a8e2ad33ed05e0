using System.Globalization;

namespace EmergencyOps.Benchmarks;

/// <summary>
/// CPU time over an interval, from the Linux process table: the whole machine's busy share of its cores, and the
/// cores each named process used. Whether a load is bound by the processors shows here before any profile.
/// </summary>
internal sealed class CpuUse
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux
    private readonly (double Busy, double Total) _machine = Machine();
    private readonly Dictionary<string, (int Pid, double Seconds)> _processes;
    private readonly DateTime _started = DateTime.UtcNow;

    public CpuUse(IReadOnlyDictionary<string, int> processes) =>
        _processes = processes.ToDictionary(p => p.Key, p => (p.Value, ProcessSeconds(p.Value)));

    /// <summary>"machine 93% busy; inventory 0.71 cores, gateway 0.55 cores" for the interval since construction.</summary>
    public string Describe()
    {
        var seconds = (DateTime.UtcNow - _started).TotalSeconds;
        var (busy, total) = Machine();
        var share = (busy - _machine.Busy) / Math.Max(1, total - _machine.Total);
        var each = _processes.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {(ProcessSeconds(p.Value.Pid) - p.Value.Seconds) / seconds:0.00} cores"));
        return string.Create(CultureInfo.InvariantCulture, $"machine {share:P0} busy over {Environment.ProcessorCount} cores; {string.Join(", ", each)}");
    }

    /// <summary>"inventory 3.10 ms, gateway 0.80 ms" of CPU per operation, for <paramref name="operations"/> done since construction.</summary>
    public string PerOperation(int operations) => string.Join(", ", _processes.Keys.Select(p => string.Create(CultureInfo.InvariantCulture,
        $"{p} {MillisecondsPer(p, operations):0.00} ms")));

    /// <summary>CPU milliseconds per operation of the whole machine (every process, all cores) since construction.</summary>
    public double MachineMillisecondsPer(int operations) => (Machine().Busy - _machine.Busy) / TicksPerSecond * 1000 / Math.Max(1, operations);

    /// <summary>CPU milliseconds per operation of one named process since construction.</summary>
    public double MillisecondsPer(string process, int operations) =>
        (ProcessSeconds(_processes[process].Pid) - _processes[process].Seconds) * 1000 / Math.Max(1, operations);

    // The first line of /proc/stat: user nice system idle iowait irq softirq steal …, in ticks.
    private static (double Busy, double Total) Machine()
    {
        var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var total = ticks.Sum();
        return (total - ticks[3] - ticks[4], total);
    }

    // utime and stime, fields 14 and 15 of /proc/PID/stat (counted after the command name, which may hold spaces).
    private static double ProcessSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }
}
