namespace EmergencyOps.AppHost;

/// <summary>Finds programs the way a shell would, plus the fixed places Debian packages use.</summary>
internal static class Executables
{
    public static string? Find(string name, params string[] extraDirectories)
    {
        var path = System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(extraDirectories)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(IsExecutable);
    }

    /// <summary>The dotnet host that runs this AppHost, so builds and services use the same SDK.</summary>
    public static string Dotnet()
    {
        var hostPath = System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(hostPath) && IsExecutable(hostPath))
        {
            return hostPath;
        }

        var self = System.Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : Find("dotnet") ?? "dotnet";
    }

    private static bool IsExecutable(string file)
    {
        try
        {
            return File.Exists(file)
                && (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A dangling symlink (e.g. a half-removed package) exists as a name but cannot run.
            return false;
        }
    }
}
