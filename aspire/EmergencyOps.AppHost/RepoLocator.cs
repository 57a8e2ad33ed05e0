namespace EmergencyOps.AppHost;

/// <summary>Finds the checkout this AppHost belongs to: the folder holding the solution file.</summary>
internal static class RepoLocator
{
    private static readonly string[] SolutionNames = ["EmergencyOps.sln", "EmergencyOps.slnx"];

    /// <summary>The solution file path, searching upward from the AppHost's own build output, then from the current folder.</summary>
    public static string? FindSolution() =>
        new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() }
            .Select(Walk)
            .FirstOrDefault(found => found is not null);

    private static string? Walk(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var solution = SolutionNames.Select(name => Path.Combine(dir.FullName, name)).FirstOrDefault(File.Exists);
            if (solution is not null)
            {
                return solution;
            }
        }

        return null;
    }
}
