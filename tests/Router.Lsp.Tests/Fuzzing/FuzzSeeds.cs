using static Router.Lsp.Tests.Fuzzing.FuzzNode;

namespace Router.Lsp.Tests.Fuzzing;

/// <summary>Well-formed messages an editor sends, with varied but valid values: the material the fuzzer mutates. None of
/// them touches the lifecycle (initialize, shutdown, exit) or the probe document; the fuzzer drives those itself.</summary>
internal static class FuzzSeeds
{
    private static readonly string[] Uris =
    [
        "file:///fuzz/a.cs", "file:///fuzz/b.py", "file:///fuzz/c%20d.ts", "untitled:Untitled-1", "file:///fuzz/%E2%82%AC.go", "file:///fuzz/a.cs",
    ];

    private static readonly string[] Languages = ["csharp", "python", "typescript", "go", "plaintext", ""];

    private static readonly string[] Texts =
    [
        "", "x", "int Twice(int x)\n{\n    return x * 2;\n}\n", "def f(a):\n    return a +", "line1\r\nline2\r\n", "😀 é\u0301 \u202e rtl", "\t\t\t",
        "const key = \"AKIA0000000000000000\";", "a\u0000b",
    ];

    private static readonly string[] Commands = ["router.explain", "router.ask", "router.refactor", "router.whyThisModel", "router.doctor", "router.configShow", "router.nope", ""];

    private static readonly string[] Methods = ["no/such", "$/setTrace", "$/unknown", "textDocument/hover", "workspace/symbol"];

    /// <summary>A valid message, with <paramref name="id"/> used when it is a request.</summary>
    public static FuzzNode Next(Random random, long id)
    {
        return random.Next(17) switch
        {
            0 => Request(id, "textDocument/inlineCompletion", Object(
                ("textDocument", Document(random)),
                ("position", Position(random)),
                ("context", Object(("triggerKind", Number(random.Next(1, 3))))))),
            1 => Request(id, "textDocument/completion", Object(
                ("textDocument", Document(random)),
                ("position", Position(random)),
                ("context", Object(("triggerKind", Number(random.Next(1, 4))))))),
            2 => Request(id, "textDocument/codeAction", Object(
                ("textDocument", Document(random)),
                ("range", Range(random)),
                ("context", Object(("diagnostics", Array()), ("only", Array(Text("refactor"))))))),
            3 => Request(id, "codeAction/resolve", Object(
                ("title", Text("Simplify (AI)")),
                ("kind", Text("refactor.rewrite")),
                ("data", Selection(random)))),
            4 => Request(id, "workspace/executeCommand", Object(
                ("command", Text(Pick(random, Commands))),
                ("arguments", Array(Selection(random))))),
            5 => Request(id, "workspace/executeCommand", Object(
                ("command", Text("router.ask")),
                ("arguments", Array(Object(("prompt", Text(Pick(random, Texts))), ("uri", Text(Pick(random, Uris)))))))),
            6 => Request(id, Pick(random, Methods), Object()),
            7 or 8 => Notification("textDocument/didOpen", Object(("textDocument", Object(
                ("uri", Text(Pick(random, Uris))),
                ("languageId", Text(Pick(random, Languages))),
                ("version", Number(random.Next(0, 1000))),
                ("text", Text(Pick(random, Texts))))))),
            9 or 10 => Notification("textDocument/didChange", Object(
                ("textDocument", Object(("uri", Text(Pick(random, Uris))), ("version", Number(random.Next(0, 1000))))),
                ("contentChanges", random.Next(2) == 0
                    ? Array(Object(("range", Range(random)), ("text", Text(Pick(random, Texts)))))
                    : Array(Object(("text", Text(Pick(random, Texts)))))))),
            11 => Notification("textDocument/didClose", Object(("textDocument", Object(("uri", Text(Pick(random, Uris))))))),
            12 => Notification("$/cancelRequest", Object(("id", random.Next(2) == 0 ? Number(random.Next(0, 64)) : Text("r" + random.Next(64))))),
            13 => Notification("window/workDoneProgress/cancel", Object(("token", Number(random.Next(0, 8))))),
            14 => Notification("workspace/didChangeConfiguration", Object(("settings", Object(("editor", Object(("tabSize", Number(4)))))))),
            15 => Notification(Pick(random, Methods), Object(("value", Text("off")))),
            _ => Response(random),
        };
    }

    /// <summary>An <c>initialize</c> request with the parts editors vary most: capabilities, options, folders.</summary>
    public static FuzzNode Initialize(Random random) => Request(1, "initialize", Object(
        ("processId", random.Next(2) == 0 ? Json("null") : Number(random.Next(1, 99999))),
        ("clientInfo", Object(("name", Text("fuzz")), ("version", Text("1")))),
        ("rootUri", Text(Pick(random, ["file:///fuzz", "file:///", "untitled:x", "not a uri", ""]))),
        ("workspaceFolders", Array(Object(("uri", Text("file:///fuzz")), ("name", Text("fuzz"))))),
        ("initializationOptions", Object(
            ("completionTraces", Json(random.Next(2) == 0 ? "true" : "false")),
            ("statusMessages", Json("true")),
            ("settings", Object(("completion", Object(("enabled", Json("true")))), ("models", Object(("completion", Text("qwen2.5-coder:7b")))))))),
        ("capabilities", Object(
            ("general", Object(("positionEncodings", Array(Text("utf-8"), Text("utf-16"))))),
            ("window", Object(("workDoneProgress", Json("true")))),
            ("workspace", Object(
                ("configuration", Json("false")),
                ("applyEdit", Json("true")),
                ("workspaceEdit", Object(("documentChanges", Json("true")), ("resourceOperations", Array(Text("create"))))))),
            ("textDocument", Object(("codeAction", Object(("resolveSupport", Object(("properties", Array(Text("edit"))))))))))),
        ("trace", Text("off"))));

    public static FuzzNode Request(long id, string method, FuzzNode parameters) =>
        Object(("jsonrpc", Text("2.0")), ("id", Number(id)), ("method", Text(method)), ("params", parameters));

    public static FuzzNode Notification(string method, FuzzNode parameters) =>
        Object(("jsonrpc", Text("2.0")), ("method", Text(method)), ("params", parameters));

    /// <summary>A response from the client, to an id the server may or may not have used.</summary>
    private static FuzzNode Response(Random random) => random.Next(3) switch
    {
        0 => Object(("jsonrpc", Text("2.0")), ("id", Number(random.Next(0, 8))), ("result", Json("null"))),
        1 => Object(("jsonrpc", Text("2.0")), ("id", Number(random.Next(0, 8))), ("result", Array(Object(("models", Object()))))),
        _ => Object(("jsonrpc", Text("2.0")), ("id", Number(random.Next(0, 8))), ("error", Object(("code", Number(-32601)), ("message", Text("nope"))))),
    };

    private static FuzzNode Document(Random random) => Object(("uri", Text(Pick(random, Uris))));

    private static FuzzNode Position(Random random) => Object(("line", Number(random.Next(0, 6))), ("character", Number(random.Next(0, 40))));

    private static FuzzNode Range(Random random) => Object(("start", Position(random)), ("end", Position(random)));

    private static FuzzNode Selection(Random random) => Object(
        ("uri", Text(Pick(random, Uris))),
        ("range", Range(random)),
        ("instruction", Text(Pick(random, Texts))));

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];
}
