using Microsoft.Playwright;

namespace EmergencyOps.AppHost.Tests;

/// <summary>Debian's Chromium as the console's tests drive it, and where their screenshots go.</summary>
public static class ConsoleBrowser
{
    public const string Executable = "/usr/bin/chromium";

    public static BrowserTypeLaunchOptions Options()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: test.sh installs Debian's chromium (apt-get install chromium).");
        }
        // The machine's network is closed: without these flags Chromium keeps calling home and its connections are refused.
        return new()
        {
            ExecutablePath = Executable, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                // A camera that shows a test pattern and needs no click to allow: the QR scanner's path runs headless.
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"],
        };
    }

    /// <summary>Saves a screenshot under artifacts/screenshots at the repository's root (the README shows copies in docs/).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(EmergencyOps.Testing.Repository.Root(), "artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(directory, name), FullPage = false });
    }
}
