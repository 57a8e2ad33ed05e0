using System.Diagnostics;
using System.Text;

namespace EmergencyOps.AppHost;

/// <summary>
/// A process the AppHost owns. It runs in its own session (via setsid) so a Ctrl-C in the terminal
/// reaches only the AppHost, which then stops children in dependency order, and so that the
/// process group catches any grandchildren (beam.smp under the rabbitmq-server script) at kill time.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private const int TailLines = 30;
    private static readonly string? Setsid = Executables.Find("setsid", "/usr/bin", "/bin");

    private readonly Process process;
    private readonly bool echo;
    private readonly Queue<string> tail = new();
    private readonly TaskCompletionSource<int> exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(string name, Process process, bool echo)
    {
        Name = name;
        this.process = process;
        this.echo = echo;
    }

    public string Name { get; }
    public int Pid { get; private set; }
    public Task<int> Exited => exited.Task;
    public bool HasExited => exited.Task.IsCompleted;

    public static ChildProcess Start(
        string name, string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null, bool echo = true)
    {
        var info = new ProcessStartInfo(Setsid ?? fileName)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (Setsid is not null)
        {
            info.ArgumentList.Add(fileName);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        var child = new ChildProcess(name, new Process { StartInfo = info }, echo);
        child.process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        child.process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        child.process.Start();
        child.Pid = child.process.Id;
        child.process.BeginOutputReadLine();
        child.process.BeginErrorReadLine();
        _ = child.WatchAsync();
        return child;
    }

    /// <summary>Runs a short command to completion (or kills it at the timeout) and returns its code and output.</summary>
    public static async Task<(int Code, IReadOnlyList<string> Output)> RunAsync(
        string name, string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment, TimeSpan timeout)
    {
        using var child = Start(name, fileName, arguments, workingDirectory, environment, echo: false);
        if (await Task.WhenAny(child.Exited, Task.Delay(timeout)) != child.Exited)
        {
            await child.StopAsync(TimeSpan.Zero);
            return (-1, child.Tail());
        }

        return (await child.Exited, child.Tail());
    }

    public IReadOnlyList<string> Tail()
    {
        lock (tail)
        {
            return [.. tail];
        }
    }

    /// <summary>
    /// SIGTERM, a grace period, then SIGKILL for whatever is left of the process group.
    /// Returns false when the process had to be killed.
    /// </summary>
    public async Task<bool> StopAsync(TimeSpan grace)
    {
        if (!HasExited && grace > TimeSpan.Zero)
        {
            Posix.Signal(Pid, Posix.SigTerm);
            await Task.WhenAny(Exited, Task.Delay(grace));
        }

        var graceful = HasExited;

        if (Setsid is not null && Posix.GroupAlive(Pid))
        {
            Posix.Signal(-Pid, Posix.SigKill);
        }
        else if (!HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await Task.WhenAny(Exited, Task.Delay(TimeSpan.FromSeconds(5)));
        return graceful;
    }

    public void Dispose() => process.Dispose();

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (tail)
        {
            tail.Enqueue(line);
            if (tail.Count > TailLines)
            {
                tail.Dequeue();
            }
        }

        if (echo)
        {
            Log.Line(Name, line);
        }
    }

    // WaitForExitAsync also drains redirected output, so the tail is complete once Exited completes.
    private async Task WatchAsync()
    {
        await process.WaitForExitAsync();
        exited.TrySetResult(process.ExitCode);
    }
}
