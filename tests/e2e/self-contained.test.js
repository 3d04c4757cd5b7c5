// The self-contained server (`dotnet cake --target=PublishServer`, artifacts/publish/linux-x64/router) serves with no
// .NET on PATH and DOTNET_ROOT unset: inline completion, and a C# refactor whose answer Roslyn parses inside the single
// file. Run by build.cake's TestServer, which names the file in ROUTER_SELF_CONTAINED.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const cp = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');
const P = require('vscode-languageserver-protocol');
const { startEmulator, makeWorkspace } = require('./lib/router');

const server = process.env.ROUTER_SELF_CONTAINED;
const skip = !server && 'ROUTER_SELF_CONTAINED names no published server (build.cake\'s TestServer sets it)';
const heavyModel = 'qwen2.5-coder:32b';
const original = 'public static int Add(int a, int b)\n{\n    return a + b;\n}';
const checked = 'public static int Add(int a, int b)\n{\n    return checked(a + b);\n}';

/** The environment without .NET: no folder holding `dotnet` on PATH, no DOTNET_ROOT of any kind. */
function withoutDotnet() {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('DOTNET_ROOT') || name === 'DOTNET_HOST_PATH') delete env[name];
  env.PATH = (env.PATH ?? '').split(path.delimiter).filter((dir) => !fs.existsSync(path.join(dir, 'dotnet'))).join(path.delimiter);
  return env;
}

let emulator;
let workspace;

before(async () => {
  if (skip) return;
  emulator = await startEmulator(['--time-scale', '0']);
  workspace = makeWorkspace(emulator.url);
});

after(() => {
  emulator?.stop();
  if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
});

test('the self-contained server is one native executable that serves with no .NET installed', { skip }, async () => {
  assert.equal(fs.readFileSync(server).subarray(0, 4).toString('latin1'), '\x7fELF', `${server} is an ELF executable`);
  // On Debian `dotnet` sits in /usr/bin, so this PATH may hold nothing at all: the server needs none of it.
  const env = withoutDotnet();

  const child = cp.spawn(server, ['lsp', '--config', path.join(workspace, 'router.yaml')], { cwd: workspace, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  conn.listen();
  try {
    await conn.sendRequest(P.InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).href,
      capabilities: { textDocument: { inlineCompletion: {}, synchronization: {} } },
    });
    await conn.sendNotification(P.InitializedNotification.type, {});
    // The runtime it runs on is its own: nothing of the machine's .NET install is mapped into the process.
    const maps = fs.readFileSync(`/proc/${child.pid}/maps`, 'utf8');
    assert.ok(!/\/dotnet\/shared\/Microsoft\.NETCore\.App\//.test(maps), 'no shared framework from a .NET install is loaded');

    const py = pathToFileURL(path.join(workspace, 'area.py')).href;
    await conn.sendNotification(P.DidOpenTextDocumentNotification.type, {
      textDocument: { uri: py, languageId: 'python', version: 1, text: 'import math\n\n\ndef area(r):\n    return ' },
    });
    const inline = await conn.sendRequest(P.InlineCompletionRequest.type, {
      textDocument: { uri: py }, position: { line: 4, character: 11 }, context: { triggerKind: P.InlineCompletionTriggerKind.Invoked },
    });
    const items = Array.isArray(inline) ? inline : inline.items;
    assert.ok(items.length >= 1 && items[0].insertText.trim().length > 0, `an inline suggestion: ${JSON.stringify(inline)}\n${stderr}`);

    const cs = pathToFileURL(path.join(workspace, 'Calc.cs')).href;
    const text = `static class Calc\n{\n${original}\n}\n`;
    await conn.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri: cs, languageId: 'csharp', version: 1, text } });
    const range = { start: { line: 2, character: 0 }, end: { line: 5, character: 1 } };
    const refactor = () => conn.sendRequest(P.ExecuteCommandRequest.type, {
      command: 'router.refactor', arguments: [{ uri: cs, range, instruction: 'Use checked arithmetic' }],
    });

    // Every model answers C# that does not parse: Roslyn, inside the single file, names the error and no edit is offered.
    await emulator.setFaults({ reply: `Here:\n\n\`\`\`csharp\npublic static int Add(int a, int b)\n{\n    return checked(a + b)\n}\n\`\`\`\n` });
    const refused = await refactor();
    assert.equal(refused.edit, undefined, `no edit for code that does not parse: ${JSON.stringify(refused)}`);
    assert.match(refused.message, /CS1002/, 'Roslyn\'s "; expected" is the reason given');

    await emulator.setFaults({ model: heavyModel, reply: `Here:\n\n\`\`\`csharp\n${checked}\n\`\`\`\n` });
    const accepted = await refactor();
    const [edit] = accepted.edit.changes[cs];
    assert.equal(edit.newText.trimEnd(), checked, `the heavy model's parsed code is the edit: ${JSON.stringify(accepted)}`);

    await conn.sendRequest(P.ShutdownRequest.type);
    await conn.sendNotification(P.ExitNotification.type);
    assert.equal(await exited, 0, `the server exits 0 after shutdown + exit\n${stderr}`);
  } finally {
    conn.dispose();
    child.kill();
    await emulator.setFaults({}).catch(() => {});
  }
});
