// The self-contained server (`dotnet cake --target=PublishServer`: artifacts/publish/linux-x64/router, NativeAOT; with
// --r2r=true also artifacts/publish/linux-x64-r2r/router, the trimmed ReadyToRun file the other platforms ship) serves
// with no .NET on PATH and DOTNET_ROOT unset. Both are trimmed whole, so every path the editor reaches is run here in
// the published file: router.yaml, inline completion through OllamaSharp (/api/generate), a C# refactor whose answer
// Roslyn parses, chat through the OpenAI SDK (/v1/chat/completions) and the router's Anthropic client (/v1/messages),
// the SQLite usage ledger, and OllamaSharp's /api/tags, /api/show, /api/ps and /api/version (`router init`). Run by
// build.cake's TestServer, which names the file in ROUTER_SELF_CONTAINED.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const cp = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');
const P = require('vscode-languageserver-protocol');
const os = require('node:os');
const { startEmulator, makeWorkspace } = require('./lib/router');

const server = process.env.ROUTER_SELF_CONTAINED;
const skip = !server && 'ROUTER_SELF_CONTAINED names no published server (build.cake\'s TestServer sets it)';
const heavyModel = 'qwen2.5-coder:32b';
const original = 'public static int Add(int a, int b)\n{\n    return a + b;\n}';
const checked = 'public static int Add(int a, int b)\n{\n    return checked(a + b);\n}';

/** The environment without .NET: no folder holding `dotnet` on PATH, no DOTNET_ROOT of any kind; the usage ledger and
 * logs in this run's own state folder. */
function withoutDotnet() {
  const env = { ...process.env, XDG_STATE_HOME: stateHome };
  for (const name of Object.keys(env)) if (name.startsWith('DOTNET_ROOT') || name === 'DOTNET_HOST_PATH') delete env[name];
  env.PATH = (env.PATH ?? '').split(path.delimiter).filter((dir) => !fs.existsSync(path.join(dir, 'dotnet'))).join(path.delimiter);
  return env;
}

let emulator;
let workspace;
let stateHome;

before(async () => {
  if (skip) return;
  emulator = await startEmulator(['--time-scale', '0']);
  workspace = makeWorkspace(emulator.url);
  stateHome = fs.mkdtempSync(path.join(os.tmpdir(), 'router-e2e-state-'));
});

after(() => {
  emulator?.stop();
  for (const dir of [workspace, stateHome]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the published server as a command line tool, with no .NET installed; resolves with its exit code and output. */
function runServer(args, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const child = cp.spawn(server, args, { cwd: workspace, env: { ...withoutDotnet(), ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill(), 60000);
    child.on('error', reject);
    child.on('exit', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}

/** A router.yaml whose chat goes to one cloud-shaped endpoint on the emulator: OpenAI's API or Anthropic's. */
function chatConfig(name, provider, url) {
  const file = path.join(workspace, `${name}.yaml`);
  fs.writeFileSync(file, [
    'endpoints:',
    '  emu: { provider: ollama, url: "' + emulator.url + '" }',
    `  ${name}: { provider: ${provider}, url: "${url}", apiKeyEnv: ROUTER_E2E_KEY, cloud: true }`,
    'tiers:',
    '  quick: { model: "qwen2.5:3b", endpoints: [emu], contextTokens: 8192 }',
    `  frontier: { model: "qwen2.5-coder:14b", endpoints: [${name}], contextTokens: 32768 }`,
    'routes: { chat: frontier }',
    '',
  ].join('\n'));
  return file;
}

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
    // OllamaSharp's two generation paths: fill-in-the-middle on /api/generate, the refactor's messages on /api/chat.
    const endpoints = new Set((await emulator.requests()).map((r) => r.endpoint));
    assert.ok(endpoints.has('/api/generate') && endpoints.has('/api/chat'), `both Ollama paths were taken: ${[...endpoints]}`);

    await conn.sendRequest(P.ShutdownRequest.type);
    await conn.sendNotification(P.ExitNotification.type);
    assert.equal(await exited, 0, `the server exits 0 after shutdown + exit\n${stderr}`);
  } finally {
    conn.dispose();
    child.kill();
    await emulator.setFaults({}).catch(() => {});
  }
});

test('the self-contained server chats through OpenAI-compatible and Anthropic endpoints and books each answer in its ledger', { skip }, async () => {
  await emulator.setFaults({});
  const env = { ROUTER_E2E_KEY: 'sk-e2e-not-a-secret' };
  for (const [name, provider, url, endpoint] of [
    ['openai', 'openai', `${emulator.url}/v1`, '/v1/chat/completions'],
    ['claude', 'anthropic', emulator.url, '/v1/messages'],
  ]) {
    const question = `What does a ${name} closure capture?`;
    const asked = await runServer(['ask', '--config', chatConfig(name, provider, url), question], env);
    assert.equal(asked.code, 0, `router ask through ${provider} exits 0\n${asked.stderr}`);
    assert.ok(asked.stdout.trim().length > 0, `an answer from ${provider}: ${asked.stderr}`);
    assert.match(asked.stderr, new RegExp(`answered\\s+frontier qwen2\\.5-coder:14b on ${name}`), `answered by ${name}:\n${asked.stderr}`);
    const reached = (await emulator.requests()).filter((r) => r.endpoint === endpoint && r.prompt?.includes(question));
    assert.equal(reached.length, 1, `one ${endpoint} request carried the question`);
  }

  // Both answers are rows in usage.db (SQLite, its native library inside the published server), read back by `router report`.
  assert.ok(fs.existsSync(path.join(stateHome, 'router-lsp', 'usage.db')), 'the ledger is in the state folder');
  const report = await runServer(['report', '--json', '--since', '1d']);
  assert.equal(report.code, 0, report.stderr);
  const usage = JSON.parse(report.stdout);
  const frontier = usage.tiers.find((t) => t.tier === 'frontier');
  assert.ok(frontier && frontier.requests >= 2, `the ledger holds both chats: ${report.stdout}`);
});

test('the self-contained server surveys an Ollama host: models, capabilities, context, what is loaded, the version', { skip }, async () => {
  await emulator.setFaults({});
  const out = path.join(workspace, 'init', 'router.yaml');
  const init = await runServer(['init', '--host', emulator.url, '--out', out]);
  assert.equal(init.code, 0, init.stderr);
  // /api/version, /api/tags, /api/show (capabilities, context length) and /api/ps (loaded: the inline completion's model).
  assert.match(init.stdout, /Ollama 0\.12\.6, \d+ models/, init.stdout);
  const coder = init.stdout.split('\n').find((line) => line.trim().startsWith('qwen2.5-coder:14b '));
  assert.match(coder ?? '', /\binsert\b/, `the coder's capabilities: ${init.stdout}`);
  assert.match(coder ?? '', /\s\d{4,}\s/, `the coder's context length: ${init.stdout}`);
  assert.match(init.stdout, /\syes\s*$/m, `a model is loaded after the answers above: ${init.stdout}`);
  const written = fs.readFileSync(out, 'utf8');
  assert.match(written, /\n {2}code:\n {4}model: "qwen2\.5-coder:14b"/, `code goes to the coder with insert: ${written}`);
});
