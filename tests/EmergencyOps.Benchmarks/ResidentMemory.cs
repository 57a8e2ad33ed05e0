using System.Globalization;

namespace EmergencyOps.Benchmarks;

/// <summary>
/// A process's resident memory in MB and what it is made of, from one read of /proc/PID/status. Private (RssAnon) is the
/// managed heap, native heaps and stacks. Executable (RssShmem) is the runtime's memory for JIT'd code, stubs and the data
/// beside them, which it maps through a shared memory file to keep writable and executable views apart (W^X); with W^X
/// off the same code is private memory instead, and the total does not change. Mapped files (RssFile) are the runtime's and libraries' images, the same pages in every
/// service.
/// </summary>
internal sealed record ResidentMemory(double Total, double Private, double Executable, double Files)
{
    /// <summary>The process's memory now, or null when it is gone.</summary>
    public static ResidentMemory? Of(int pid)
    {
        try
        {
            var status = File.ReadAllLines($"/proc/{pid}/status");
            double Field(string name) => Machine.Kilobytes(status.FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.Ordinal))) / 1024d;
            return new(Field("VmRSS"), Field("RssAnon"), Field("RssShmem"), Field("RssFile"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>"287 MB: 101 private, 76 executable, 110 mapped files".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Total:0} MB: {Private:0} private, {Executable:0} executable, {Files:0} mapped files");
}
