namespace EmergencyOps.Testing;

/// <summary>The repository the tests run from: committed documents, generated code and artifacts are found from its root.</summary>
public static class Repository
{
    /// <summary>The folder holding <c>EmergencyOps.sln</c>, above the test's own; the current folder when there is none.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EmergencyOps.sln")))
            {
                return dir.FullName;
            }
        }
        return Directory.GetCurrentDirectory();
    }
}
