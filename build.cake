// Build, test and pack Router.Lsp: `dotnet tool restore && dotnet cake --target=Test`.
using System.Xml.Linq;

var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
var resultsDir = MakeAbsolute(Directory("artifacts/test-results"));
var vsixDir = MakeAbsolute(Directory("artifacts/vsix"));
var extensionVersion = ParseJsonVersion("extension/package.json");
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
    var vsix = vsixDir.CombineWithFilePath($"router-lsp-linux-x64-{extensionVersion}.vsix");
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

// The servers the editors ship. Per platform, self-contained so that they need no .NET install, in
// artifacts/publish/<rid>/ (--rids=linux-x64,win-x64 or --rids=all; CI publishes linux-x64 only): NativeAOT on
// linux-x64, a trimmed ReadyToRun single file elsewhere (the csproj chooses by runtime identifier; see
// docs/dependencies.md, "Shipping"). Framework-dependent: artifacts/publish/router/, for the universal .vsix.
// --r2r=true also publishes linux-x64 the way the other platforms are built (artifacts/publish/linux-x64-r2r/), so
// that TestServer runs that build's paths here too and the cold-start benchmark measures it.
var allRids = new[] { "linux-x64", "linux-arm64", "win-x64", "osx-x64", "osx-arm64" };
var ridArgument = Argument("rids", "linux-x64");
var rids = ridArgument == "all" ? allRids : ridArgument.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var linuxReadyToRun = Argument("r2r", true);
Task("PublishServer").Does(() =>
{
    if (rids.FirstOrDefault(rid => !allRids.Contains(rid)) is { } unknown)
    {
        throw new Exception($"--rids: {unknown} is not one of {string.Join(", ", allRids)} (or all)");
    }

    PublishServers(rids);
});

void PublishServers(IEnumerable<string> platforms)
{
    var frameworkDependent = MakeAbsolute(Directory("artifacts/publish/router"));
    CleanDirectory(frameworkDependent);
    // Without `router serve` (ASP.NET Core), so the universal .vsix's server needs only the .NET runtime; built in its own
    // output folders, so the router the tests run (with the gateway) is not replaced.
    DotNetPublish("src/Router.Cli/Router.Cli.csproj", new DotNetPublishSettings
    {
        Configuration = configuration,
        OutputDirectory = frameworkDependent,
        MSBuildSettings = new DotNetMSBuildSettings().WithProperty("RouterGateway", "false").WithProperty("ArtifactsPivots", $"{configuration.ToLowerInvariant()}-nogateway"),
    });
    if (System.IO.File.ReadAllText(frameworkDependent.CombineWithFilePath("router.runtimeconfig.json").FullPath).Contains("Microsoft.AspNetCore.App"))
    {
        throw new Exception("artifacts/publish/router needs ASP.NET Core: the universal .vsix's server must need only the .NET runtime");
    }
    foreach (var rid in platforms)
    {
        var output = MakeAbsolute(Directory($"artifacts/publish/{rid}"));
        CleanDirectory(output);
        // The csproj sets everything for any -r, so a plain `dotnet publish -r` makes the same file.
        DotNetPublish("src/Router.Cli/Router.Cli.csproj", new DotNetPublishSettings { Configuration = configuration, Runtime = rid, OutputDirectory = output });
    }

    if (linuxReadyToRun && platforms.Contains("linux-x64"))
    {
        var output = MakeAbsolute(Directory("artifacts/publish/linux-x64-r2r"));
        CleanDirectory(output);
        var settings = new DotNetPublishSettings { Configuration = configuration, Runtime = "linux-x64", OutputDirectory = output };
        settings.MSBuildSettings = new DotNetMSBuildSettings().WithProperty("PublishAot", "false");
        DotNetPublish("src/Router.Cli/Router.Cli.csproj", settings);
    }
}

// The linux-x64 self-contained servers, with no .NET on PATH, serve every path an editor reaches (see
// tests/e2e/self-contained.test.js): the NativeAOT file linux-x64 ships, and with --r2r the trimmed ReadyToRun build
// the other platforms ship.
Task("TestServer").IsDependentOn("PublishServer").IsDependentOn("Build").IsDependentOn("Clean").WithCriteria(() => rids.Contains("linux-x64")).Does(() =>
{
    EnsureDirectoryExists(resultsDir);
    var servers = new List<(string Name, string Path)> { ("aot", "artifacts/publish/linux-x64/router") };
    if (linuxReadyToRun)
    {
        servers.Add(("r2r", "artifacts/publish/linux-x64-r2r/router"));
    }
    foreach (var (name, server) in servers)
    {
        var exit = StartProcess("npm", new ProcessSettings
        {
            Arguments = $"test --workspace tests/e2e -- --test-reporter=spec --test-reporter-destination=stdout --test-reporter=junit --test-reporter-destination={resultsDir}/self-contained-{name}-junit.xml self-contained.test.js",
            EnvironmentVariables = new Dictionary<string, string>
            {
                ["ROUTER_SELF_CONTAINED"] = MakeAbsolute(File(server)).FullPath,
                ["ROUTER_EMULATOR_DLL"] = emulatorDll.FullPath,
            },
        });
        if (exit != 0)
        {
            failedSuites.Add($"self-contained server test, {server} (npm test exit code {exit})");
        }
    }

    // Run alone (--target=TestServer) there is no Test task to fail at the end.
    if (target == "TestServer" && failedSuites.Count > 0)
    {
        throw new Exception(string.Join("; ", failedSuites));
    }
});

// The `dotnet tool` for every editor: artifacts/packages/router-lsp.<version>.nupkg.
var packagesDir = MakeAbsolute(Directory("artifacts/packages"));
Task("PackTool").Does(() =>
{
    CleanDirectory(packagesDir);
    DotNetPack("src/Router.Cli/Router.Cli.csproj", new DotNetPackSettings { Configuration = configuration, OutputDirectory = packagesDir });
});

// Installs the packed tool as a user would, `dotnet tool install -g`, in a clean HOME that sees only
// artifacts/packages, and drives the installed `router lsp` with the Neovim test.
Task("TestTool").IsDependentOn("PackTool").IsDependentOn("Build").IsDependentOn("Clean").Does(() =>
{
    EnsureDirectoryExists(resultsDir);
    string failure = null;
    var home = MakeAbsolute(Directory($"{System.IO.Path.GetTempPath()}/router-tool-home-{Guid.NewGuid():N}"));
    CreateDirectory(home);
    try
    {
        // Only the local folder: the install must not need (or reach) any other package source.
        var nugetConfig = home.CombineWithFilePath("nuget.config");
        System.IO.File.WriteAllText(nugetConfig.FullPath,
            $"<configuration><packageSources><clear /><add key=\"local\" value=\"{packagesDir.FullPath}\" /></packageSources></configuration>");
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = home.FullPath,
            ["DOTNET_CLI_HOME"] = home.FullPath,
            ["NUGET_PACKAGES"] = home.Combine("nuget-packages").FullPath,
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        };
        var install = StartProcess("dotnet", new ProcessSettings
        {
            Arguments = $"tool install -g router-lsp --add-source \"{packagesDir.FullPath}\" --configfile \"{nugetConfig.FullPath}\"",
            WorkingDirectory = home,
            EnvironmentVariables = environment,
        });
        var router = home.CombineWithFilePath(".dotnet/tools/router");
        if (install != 0 || !FileExists(router))
        {
            failure = $"dotnet tool install (exit code {install}, {router.FullPath} {(FileExists(router) ? "present" : "missing")})";
            return;
        }

        var exit = StartProcess("npm", new ProcessSettings
        {
            Arguments = $"test --workspace tests/e2e -- --test-reporter=spec --test-reporter-destination=stdout --test-reporter=junit --test-reporter-destination={resultsDir}/tool-neovim-junit.xml neovim.test.js",
            EnvironmentVariables = new Dictionary<string, string>(environment)
            {
                ["ROUTER_COMMAND"] = router.FullPath,
                ["ROUTER_EMULATOR_DLL"] = emulatorDll.FullPath,
            },
        });
        if (exit != 0)
        {
            failure = $"Neovim test of the installed dotnet tool (npm test exit code {exit})";
        }
    }
    finally
    {
        DeleteDirectory(home, new DeleteDirectorySettings { Recursive = true, Force = true });
        if (failure is not null)
        {
            failedSuites.Add(failure);
        }
    }

    // Run alone (--target=TestTool) there is no Test task to fail at the end.
    if (failure is not null && target == "TestTool")
    {
        throw new Exception(failure);
    }
});

Task("Test")
    .IsDependentOn("TestDotNet")
    .IsDependentOn("Eval")
    .IsDependentOn("TestNode")
    .IsDependentOn("TestServer")
    .IsDependentOn("TestTool")
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

// The .vsix files, the way rust-analyzer ships: one per platform (vsce --target), each with its own self-contained
// server in server/, and one universal .vsix whose framework-dependent router.dll needs the .NET 10 runtime. Pack makes
// linux-x64 (the one the VS Code test installs) and the universal one; PackAll makes every platform.
// vsce target -> .NET runtime identifier of its server.
var vsixPlatforms = new (string Target, string Rid)[]
{
    ("linux-x64", "linux-x64"), ("linux-arm64", "linux-arm64"), ("win32-x64", "win-x64"), ("darwin-x64", "osx-x64"), ("darwin-arm64", "osx-arm64"),
};
// Each platform .vsix should stay under this; PackAll reports by how much one is over.
const long VsixSizeLimit = 25L * 1024 * 1024;

// The .vsix of each platform published (--rids, linux-x64 by default) and the universal one.
Task("Pack").IsDependentOn("PublishServer").Does(() =>
{
    PackVsixFiles(vsixPlatforms.Where(p => rids.Contains(p.Rid)));
});

// Every platform's .vsix; each publish builds the server it needs, so the tests and benchmarks of Build are not needed.
Task("PackAll").Does(() =>
{
    PublishServers(allRids);
    PackVsixFiles(vsixPlatforms);
});

void PackVsixFiles(IEnumerable<(string Target, string Rid)> platforms)
{
    if (!FileExists("node_modules/.bin/vsce"))
    {
        Run("npm", "ci --no-audit --no-fund");
    }
    EnsureDirectoryExists(vsixDir);
    var packed = new List<(FilePath Vsix, string Server)>();
    foreach (var (vsceTarget, rid) in platforms)
    {
        var server = MakeAbsolute(Directory($"artifacts/publish/{rid}"));
        packed.Add((PackVsix(vsceTarget, server), vsceTarget.StartsWith("win32") ? "router.exe" : "router"));
    }
    packed.Add((PackVsix(null, MakeAbsolute(Directory("artifacts/publish/router"))), "router.dll"));

    Console.WriteLine();
    Console.WriteLine($"vsix files in {vsixDir}:");
    var problems = new List<string>();
    foreach (var (vsix, server) in packed)
    {
        var format = BundledServerFormat(vsix, server);
        var expected = ExpectedServerFormat(vsix.GetFilename().FullPath);
        long size = new System.IO.FileInfo(vsix.FullPath).Length;
        bool platformBuild = server != "router.dll";
        string over = platformBuild && size > VsixSizeLimit ? $"  OVER 25 MB by {(size - VsixSizeLimit) / 1048576.0:F1} MB" : "";
        Console.WriteLine($"  {vsix.GetFilename(),-36} {size / 1048576.0,6:F1} MB  server/{server}: {format}{over}");
        if (format != expected)
        {
            problems.Add($"{vsix.GetFilename()}: server/{server} is {format}, expected {expected}");
        }
    }
    if (problems.Count > 0)
    {
        throw new Exception($"wrong server in a .vsix: {string.Join("; ", problems)}");
    }
}

// Copies a published server into extension/server and packs it; vsceTarget null packs the universal .vsix.
FilePath PackVsix(string vsceTarget, DirectoryPath server)
{
    var serverDir = MakeAbsolute(Directory("extension/server"));
    CleanDirectory(serverDir);
    CopyDirectory(server, serverDir);
    // The published files are the server; debug symbols (.pdb, NativeAOT's .dbg) only add size.
    DeleteFiles(GetFiles($"{serverDir}/**/*.pdb").Concat(GetFiles($"{serverDir}/**/*.dbg")));
    if (vsceTarget is null)
    {
        // The universal .vsix runs router.dll with `dotnet`: a native launcher beside it would be this machine's.
        DeleteFiles(GetFiles($"{serverDir}/router").Concat(GetFiles($"{serverDir}/router.exe")));
    }
    var name = vsceTarget is null ? $"router-lsp-{extensionVersion}.vsix" : $"router-lsp-{vsceTarget}-{extensionVersion}.vsix";
    var vsix = vsixDir.CombineWithFilePath(name);
    var targetArgument = vsceTarget is null ? "" : $"--target {vsceTarget} ";
    Run("npm", $"run package --workspace extension -- {targetArgument}--out {vsix.FullPath}");
    return vsix;
}

// What the first bytes of the server inside a .vsix say it is: PE, Mach-O or ELF; a dll is PE too.
string BundledServerFormat(FilePath vsix, string server)
{
    using var zip = System.IO.Compression.ZipFile.OpenRead(vsix.FullPath);
    var entry = zip.GetEntry($"extension/server/{server}");
    if (entry is null)
    {
        return "missing";
    }
    var head = new byte[4];
    using (var stream = entry.Open())
    {
        stream.ReadExactly(head);
    }
    if (server == "router.dll" && zip.GetEntry("extension/server/router") is not null)
    {
        return "PE, but a native launcher is beside it";
    }
    return head switch
    {
        [0x7f, (byte)'E', (byte)'L', (byte)'F'] => "ELF",
        [0xcf, 0xfa, 0xed, 0xfe] or [0xfe, 0xed, 0xfa, 0xcf] or [0xca, 0xfe, 0xba, 0xbe] => "Mach-O",
        [(byte)'M', (byte)'Z', _, _] => "PE",
        _ => $"unknown ({Convert.ToHexString(head)})",
    };
}

static string ExpectedServerFormat(string vsixName) =>
    vsixName.Contains("-win32-") ? "PE" : vsixName.Contains("-darwin-") ? "Mach-O" : vsixName.Contains("-linux-") ? "ELF" : "PE";

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
