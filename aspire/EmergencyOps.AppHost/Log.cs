namespace EmergencyOps.AppHost;

/// <summary>Prefixed console output shared by the AppHost and every child process.</summary>
internal static class Log
{
    public const string Self = "apphost";

    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, string> Colours = new(StringComparer.Ordinal);
    private static readonly string[] Palette = ["36", "35", "33", "32", "34", "96", "95", "93", "92", "94"];
    private static readonly bool OutColour = UseColour(Console.IsOutputRedirected);
    private static readonly bool ErrColour = UseColour(Console.IsErrorRedirected);

    public static void Line(string name, string text)
    {
        lock (Gate)
        {
            Console.Out.WriteLine(OutColour ? $"\e[{ColourOf(name)}m[{name}]\e[0m {text}" : $"[{name}] {text}");
        }
    }

    public static void Info(string text) => Line(Self, text);

    /// <summary>Unprefixed output: the status table and the ready line that scripts wait for.</summary>
    public static void Plain(string text)
    {
        lock (Gate)
        {
            Console.Out.WriteLine(text);
        }
    }

    public static void Error(string text)
    {
        lock (Gate)
        {
            Console.Error.WriteLine(ErrColour ? $"\e[1;31m[{Self}] error:\e[0m {text}" : $"[{Self}] error: {text}");
        }
    }

    private static string ColourOf(string name)
    {
        if (!Colours.TryGetValue(name, out var colour))
        {
            colour = name == Self ? "1" : Palette[Colours.Count % Palette.Length];
            Colours[name] = colour;
        }

        return colour;
    }

    private static bool UseColour(bool redirected) =>
        !redirected && System.Environment.GetEnvironmentVariable("NO_COLOR") is null
        && System.Environment.GetEnvironmentVariable("TERM") is not "dumb";
}
