using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Router.Core.Privacy;

namespace Router.Core.Tests.Privacy;

public sealed class PrivatePathTests
{
    private static readonly PrivacyScanner Scanner = DetectorCase.Scanner;

    [Theory]
    [InlineData(".env")]
    [InlineData("services/api/.env")]
    [InlineData("./.env.production")]
    [InlineData("C:\\Users\\me\\src\\app\\.env.local")]
    [InlineData("/home/me/.ssh/id_rsa")]
    [InlineData("ops/ssh/id_rsa_deploy")]
    [InlineData("certs/server.pem")]
    [InlineData("deploy\\tls\\SERVER.KEY")]
    [InlineData("~/.aws/credentials")]
    [InlineData("config/credentials.json")]
    [InlineData("deploy/config/secrets.yaml")]
    public void Private_file_path_is_private(string path)
    {
        PrivacyFinding? finding = Scanner.ScanPath(path);

        Assert.NotNull(finding);
        Assert.Equal("private-path", finding.Detector);
        Assert.Equal("file", finding.Field);
    }

    [Theory]
    [InlineData("src/environment.ts")]
    [InlineData("docs/env.md")]
    [InlineData(".envrc")]
    [InlineData("src/secretsManager.ts")]
    [InlineData("src/keys.py")]
    [InlineData("certs/server.pem.md/readme.txt")]
    [InlineData(".env.example")]
    [InlineData("config/secrets.yaml.sample")]
    [InlineData("")]
    [InlineData(null)]
    public void Ordinary_file_path_is_not_private(string? path) => Assert.Null(Scanner.ScanPath(path));

    [Fact]
    public void Anchored_pattern_matches_the_tail_of_an_absolute_path()
    {
        var scanner = new PrivacyScanner(["config/*.json"]);

        Assert.NotNull(scanner.ScanPath("/srv/app/config/prod.json"));
        Assert.NotNull(scanner.ScanPath("config\\prod.json"));
        Assert.Null(scanner.ScanPath("/srv/app/config/nested/prod.json"));
    }

    [Fact]
    public void Folders_wildcard_in_the_middle_spans_any_depth_after_its_folder()
    {
        var scanner = new PrivacyScanner(["deploy/**/*.key"]);

        Assert.NotNull(scanner.ScanPath("/home/me/deploy/a/b/tls.key"));
        Assert.NotNull(scanner.ScanPath("deploy/tls.key"));
        Assert.Null(scanner.ScanPath("/home/me/other/a/tls.key"));
        Assert.Null(scanner.ScanPath("deploy/a/tls.key.txt"));
    }

    [Fact]
    public void No_globs_means_no_private_paths() => Assert.Null(new PrivacyScanner([]).ScanPath(".env"));

    [Theory]
    [InlineData("package-lock.json", true)]
    [InlineData("web/yarn.lock", true)]
    [InlineData("poetry.lock", true)]
    [InlineData("go.sum", true)]
    [InlineData("Cargo.lock", true)]
    [InlineData("src/lock.py", false)]
    [InlineData(null, false)]
    public void Lock_files_are_recognised_by_name(string? path, bool isLockFile) => Assert.Equal(isLockFile, PrivacyScanner.IsLockFile(path));

    [Fact]
    public void Globs_match_exactly_what_their_regular_expression_does_on_random_paths()
    {
        Random random = new(20261206);
        string[] names = ["a", "b", "ab", "key", ".env", "x.pem"];
        string[] patternNames = ["a", "b", "*", "?", "a*", "*b", "key", ".env", "*.pem", "**"];
        for (int round = 0; round < 3_000; round++)
        {
            string pattern = string.Join('/', Enumerable.Range(0, random.Next(1, 6)).Select(_ => patternNames[random.Next(patternNames.Length)]));
            string path = (random.Next(2) == 0 ? "/" : "") + string.Join(random.Next(4) == 0 ? '\\' : '/', Enumerable.Range(0, random.Next(1, 9)).Select(_ => names[random.Next(names.Length)]));

            bool expected = Reference(pattern).IsMatch("/" + path.Replace('\\', '/').TrimStart('/'));

            Assert.True(expected == new PrivatePathGlob(pattern).IsMatch(path), string.Create(CultureInfo.InvariantCulture, $"{pattern} on {path}: expected {expected}"));
        }
    }

    // What a glob means, written the slow way, on the path with a "/" before each name: "**" any folders (none
    // included), "*" and "?" within one name, matched against any tail of the path that starts at a name, ignoring case.
    private static Regex Reference(string pattern)
    {
        StringBuilder regex = new("^(?:/[^/]+)*");
        foreach (string segment in pattern.Split('/'))
        {
            if (segment == "**")
            {
                regex.Append("(?:/[^/]+)*");
                continue;
            }

            regex.Append('/');
            foreach (char c in segment)
            {
                regex.Append(c switch { '*' => "[^/]*", '?' => "[^/]", _ => Regex.Escape(c.ToString()) });
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
