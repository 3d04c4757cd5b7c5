using System.Diagnostics;

namespace Router.Cli.Tests.Report;

/// <summary>Headless Chromium as a real process: a page's DOM as Chromium parsed it, and a screenshot of it.</summary>
internal static class Chromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome"];

    /// <summary>The browser on PATH; the test fails saying how to get one (test.sh installs it with apt).</summary>
    public static string Executable()
    {
        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string name in Names)
            {
                string candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        Assert.Fail("Chromium is needed to render the HTML report: `apt-get install chromium` (./test.sh installs it)");
        return "";
    }

    public static Task<string> DumpDomAsync(string page) => RunAsync(page, "--dump-dom");

    public static async Task ScreenshotAsync(string page, string png, int width, int height) =>
        await RunAsync(page, $"--screenshot={png}", $"--window-size={width},{height}");

    private static async Task<string> RunAsync(string page, params string[] args)
    {
        string profile = Directory.CreateTempSubdirectory("router-chromium-").FullName;
        try
        {
            ProcessStartInfo start = new(Executable())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1", "--no-first-run", $"--user-data-dir={profile}" }.Concat(args))
            {
                start.ArgumentList.Add(arg);
            }

            start.ArgumentList.Add(new Uri(page).AbsoluteUri);
            using Process process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            using CancellationTokenSource timeout = new(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"chromium exited {process.ExitCode}: {await stderr}");
            return await stdout;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
