// Build, test and pack Router.Lsp: `dotnet tool restore && dotnet cake --target=Test`.
using System.Xml.Linq;

var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
var resultsDir = MakeAbsolute(Directory("artifacts/test-results"));
var routerDll = MakeAbsolute(File($"artifacts/bin/Router.Cli/{configuration.ToLowerInvariant()}/router.dll"));
var emulatorDll = MakeAbsolute(File($"artifacts/bin/Router.Emulator/{configuration.ToLowerInvariant()}/router-emulator.dll"));

// Every suite runs even when an earlier one fails, so one run shows every failure; Test fails at the end.
var failedSuites = new List<string>();

Task("Clean").Does(() =>
{
    CleanDirectory(resultsDir);
});

Task("Build").Does(() =>
{
    DotNetBuild("Router.Lsp.sln", new DotNetBuildSettings { Configuration = configuration });
});

Task("TestDotNet").IsDependentOn("Build").IsDependentOn("Clean").Does(() =>
{
    try
    {
        DotNetTest("Router.Lsp.sln", new DotNetTestSettings
        {
            Configuration = configuration,
            NoBuild = true,
            ResultsDirectory = resultsDir,
            Loggers = { "trx", "console;verbosity=normal" },
        });
    }
    catch (Exception e)
    {
        Error(e.Message);
        failedSuites.Add(".NET tests");
    }
});

// The routing evaluation: the built router scores the project's labelled cases (eval/cases, every language) with the
// project's configuration. It prints its own closing line, "eval: N passed, M failed", which CI reads.
Task("Eval").IsDependentOn("Build").Does(() =>
{
    string failure = null;
    if (!DirectoryExists("eval/cases"))
    {
        Error("eval/cases is missing: the labelled cases `router eval` scores belong there (see eval/README.md)");
        failure = "eval (no eval/cases)";
    }
    else
    {
        var exit = StartProcess("dotnet", new ProcessSettings
        {
            Arguments = $"\"{routerDll.FullPath}\" eval --cases eval/cases --config eval/router.yaml --min-accuracy 0.95 --max-leaks 0 --max-false-private 0.03",
        });
        failure = exit == 0 ? null : $"eval (router eval exit code {exit})";
    }

    if (failure is not null)
    {
        failedSuites.Add(failure);
        // Run alone (--target=Eval) there is no Test task to fail at the end.
        if (target == "Eval")
        {
            throw new Exception(failure);
        }
    }
});

// End-to-end tests drive the built `router` with independent clients (vscode-jsonrpc, Neovim), and
// the extension's unit tests run in the same way; one junit file per npm workspace, so neither
// overwrites the other.
Task("TestNode").IsDependentOn("Build").IsDependentOn("Clean").Does(() =>
{
    foreach (var (workspace, junit) in new[] { ("extension", "extension-junit.xml"), ("tests/e2e", "e2e-junit.xml") })
    {
        var exit = StartProcess("npm", new ProcessSettings
        {
            Arguments = $"test --workspace {workspace} -- --test-reporter=spec --test-reporter-destination=stdout --test-reporter=junit --test-reporter-destination={resultsDir}/{junit}",
            EnvironmentVariables = new Dictionary<string, string>
            {
                ["ROUTER_DLL"] = routerDll.FullPath,
                ["ROUTER_EMULATOR_DLL"] = emulatorDll.FullPath,
            },
        });
        if (exit != 0)
        {
            failedSuites.Add($"{workspace} tests (npm test exit code {exit})");
        }
    }
});

// The end-to-end test in real VS Code: code-server and Chromium drive the .vsix packed just before,
// installed into a fresh profile. Its first run installs code-server (about 5 minutes); --vscode=false
// leaves it out of a quick local run.
var vscode = Argument("vscode", true);
Task("TestVsCode").WithCriteria(() => vscode).IsDependentOn("Pack").IsDependentOn("Clean").Does(() =>
{
    var vsix = MakeAbsolute(File($"artifacts/router-lsp-{ParseJsonVersion("extension/package.json")}.vsix"));
    var exit = StartProcess("bash", new ProcessSettings
    {
        Arguments = $"tests/vscode-e2e/run.sh -- --test-reporter=spec --test-reporter-destination=stdout --test-reporter=junit --test-reporter-destination={resultsDir}/vscode-e2e-junit.xml",
        EnvironmentVariables = new Dictionary<string, string> { ["ROUTER_VSIX"] = vsix.FullPath, ["ROUTER_EMULATOR_DLL"] = emulatorDll.FullPath },
    });
    if (exit != 0)
    {
        failedSuites.Add($"VS Code end-to-end test (exit code {exit})");
    }
});

Task("Test")
    .IsDependentOn("TestDotNet")
    .IsDependentOn("Eval")
    .IsDependentOn("TestNode")
    .IsDependentOn("TestVsCode")
    .Does(() =>
{
    int passed = 0, failed = 0, skipped = 0;
    var failedTests = new List<string>();
    foreach (var trx in GetFiles($"{resultsDir}/**/*.trx"))
    {
        var counters = XDocument.Load(trx.FullPath).Descendants().First(e => e.Name.LocalName == "Counters");
        passed += (int)counters.Attribute("passed");
        failed += (int)counters.Attribute("failed");
        skipped += (int)counters.Attribute("notExecuted");
        foreach (var result in XDocument.Load(trx.FullPath).Descendants().Where(e => e.Name.LocalName == "UnitTestResult" && (string)e.Attribute("outcome") == "Failed"))
        {
            var message = result.Descendants().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value ?? "";
            failedTests.Add($"{result.Attribute("testName")?.Value}: {FirstLines(message, 3)}");
        }
    }
    foreach (var junit in GetFiles($"{resultsDir}/**/*-junit.xml"))
    {
        foreach (var testCase in XDocument.Load(junit.FullPath).Descendants().Where(e => e.Name.LocalName == "testcase"))
        {
            var failure = testCase.Elements().FirstOrDefault(e => e.Name.LocalName == "failure");
            if (failure is not null)
            {
                failed++;
                failedTests.Add($"{testCase.Attribute("name")?.Value}: {FirstLines((string)failure.Attribute("message") ?? failure.Value, 3)}");
            }
            else if (testCase.Elements().Any(e => e.Name.LocalName == "skipped")) skipped++;
            else passed++;
        }
    }
    // Plain Console, not Information(): Cake colours numbers, and CI reads this line as it is.
    Console.WriteLine();
    // CI shows only the tail of the log: name each failure here, after everything else.
    foreach (var failure in failedTests)
    {
        Console.WriteLine($"FAILED {failure}");
    }
    Console.WriteLine($"{passed} passed, {failed} failed, {skipped} skipped");
    if (failed > 0 || failedSuites.Count > 0)
    {
        throw new Exception($"{failed} test(s) failed in: {string.Join(", ", failedSuites)}");
    }
});

Task("Pack").IsDependentOn("Build").Does(() =>
{
    var publishDir = MakeAbsolute(Directory("artifacts/publish/router"));
    CleanDirectory(publishDir);
    DotNetPublish("src/Router.Cli/Router.Cli.csproj", new DotNetPublishSettings
    {
        Configuration = configuration,
        OutputDirectory = publishDir,
    });

    // The extension bundles the published server (server/), found before any `router` on PATH.
    var serverDir = MakeAbsolute(Directory("extension/server"));
    CleanDirectory(serverDir);
    CopyDirectory(publishDir, serverDir);
    if (!FileExists("node_modules/.bin/vsce"))
    {
        Run("npm", "ci --no-audit --no-fund");
    }

    var version = ParseJsonVersion("extension/package.json");
    var vsix = MakeAbsolute(File($"artifacts/router-lsp-{version}.vsix"));
    Run("npm", $"run package --workspace extension -- --out {vsix.FullPath}");
    Information($"Packed {vsix.FullPath}");
});

void Run(string tool, string arguments)
{
    var exit = StartProcess(tool, new ProcessSettings { Arguments = arguments });
    if (exit != 0)
    {
        throw new Exception($"{tool} {arguments} failed with exit code {exit}");
    }
}

// The "version" of a package.json, read without a JSON package (Cake scripts have System.Text.Json).
string ParseJsonVersion(string packageJson)
{
    using var document = System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllText(packageJson));
    return document.RootElement.GetProperty("version").GetString();
}

RunTarget(target);

static string FirstLines(string text, int count) =>
    string.Join(" | ", text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).Take(count));
