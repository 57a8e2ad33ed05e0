namespace EmergencyOps.Benchmarks;

/// <summary>
/// Rounds of a baseline (A) and a candidate (B) in ABBA order (A B B A A B …): neither side always runs first, on a
/// warmer system or a fuller database, and a drift over the run falls on both sides alike.
/// </summary>
internal static class Abba
{
    /// <summary>True where the round is the candidate's, for <paramref name="roundsPerSide"/> rounds of each.</summary>
    public static IEnumerable<bool> Order(int roundsPerSide) =>
        Enumerable.Range(0, 2 * roundsPerSide).Select(i => (i % 4) is 1 or 2);

    public static async Task<(List<T> Baseline, List<T> Candidate)> RunAsync<T>(
        int roundsPerSide, Func<int, Task<T>> baseline, Func<int, Task<T>> candidate)
    {
        var a = new List<T>();
        var b = new List<T>();
        foreach (var isCandidate in Order(roundsPerSide))
        {
            if (isCandidate)
            {
                b.Add(await candidate(b.Count));
            }
            else
            {
                a.Add(await baseline(a.Count));
            }
        }
        return (a, b);
    }
}
