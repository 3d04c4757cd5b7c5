// Microsoft's vscode-jsonrpc + vscode-languageserver-protocol, an implementation independent of
// ours, spawns `router lsp` over stdio and goes through a whole editing session.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const cp = require('node:child_process');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { createMessageConnection, StreamMessageReader, StreamMessageWriter, CancellationTokenSource }
  = require('vscode-jsonrpc/node');
const P = require('vscode-languageserver-protocol');
const { routerCommand, startEmulator, makeWorkspace, waitFor } = require('./lib/router');

let emulator;
let workspace;

before(async () => {
  emulator = await startEmulator();
  workspace = makeWorkspace(emulator.url);
});

after(() => emulator?.stop());

function startServer() {
  const [cmd, args] = routerCommand('lsp', '--config', path.join(workspace, 'router.yaml'));
  const child = cp.spawn(cmd, args, { cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const logs = [];
  conn.onNotification(P.LogMessageNotification.type, (p) => logs.push(p));
  conn.listen();
  return { child, conn, logs, exited, stderr: () => stderr };
}

async function initialize(conn, extra = {}) {
  const init = await conn.sendRequest(P.InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'ws' }],
    clientInfo: { name: 'vscode-jsonrpc e2e', version: '1' },
    capabilities: { textDocument: { inlineCompletion: {}, completion: {}, synchronization: {} }, ...extra },
  });
  await conn.sendNotification(P.InitializedNotification.type, {});
  return init;
}

test('a session: initialize, edit, inline completion from the code model, cancel, shutdown, exit 0', async () => {
  const { child, conn, exited, stderr } = startServer();
  try {
    const init = await initialize(conn);
    assert.ok(init.capabilities.inlineCompletionProvider, 'server offers inline completion');
    assert.ok(init.capabilities.completionProvider, 'server offers classic completion');
    const sync = init.capabilities.textDocumentSync;
    assert.equal(typeof sync === 'number' ? sync : sync.change, P.TextDocumentSyncKind.Incremental);
    assert.equal(init.capabilities.positionEncoding ?? 'utf-16', 'utf-16');

    const uri = pathToFileURL(path.join(workspace, 'stats.py')).href;
    await conn.sendNotification(P.DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'python', version: 1, text: 'import math\n\n\nprint(mean([1, 2]))\n' },
    });
    // Type a function header into the empty line 1, as an editor sends it: an incremental edit.
    await conn.sendNotification(P.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
        text: 'def mean(values):\n    ' }],
    });

    const before = (await emulator.requests()).length;
    const result = await conn.sendRequest(P.InlineCompletionRequest.type, {
      textDocument: { uri }, position: { line: 2, character: 4 },
      context: { triggerKind: P.InlineCompletionTriggerKind.Automatic },
    });
    const items = Array.isArray(result) ? result : result.items;
    assert.ok(items.length >= 1, 'one inline completion item');
    assert.ok(items[0].insertText.trim().length > 0, 'the suggestion is not blank');

    const asked = (await emulator.requests()).slice(before);
    const generate = asked.find((r) => r.endpoint === '/api/generate' && (r.prompt || r.suffix));
    assert.ok(generate, `the server asked the model (saw ${JSON.stringify(asked)})`);
    assert.equal(generate.model, 'qwen2.5-coder:14b', 'completion goes to the code tier model');
    assert.ok(generate.prompt.endsWith('def mean(values):\n    '), 'the prefix includes the incremental edit');
    assert.ok(generate.suffix.includes('print(mean([1, 2]))'), 'the text after the cursor is sent as suffix');

    // A stalled model: cancelling the request answers RequestCancelled and closes the model's stream.
    await emulator.setFaults({ stall_after_chunks: 1 });
    const cts = new CancellationTokenSource();
    const countBefore = (await emulator.requests()).length;
    // Another place than the first request, so the server's completion cache cannot answer it.
    const pending = conn.sendRequest(P.InlineCompletionRequest.type, {
      textDocument: { uri }, position: { line: 2, character: 2 },
      context: { triggerKind: P.InlineCompletionTriggerKind.Invoked },
    }, cts.token);
    const generations = async () => (await emulator.requests()).slice(countBefore).filter((r) => r.endpoint === '/api/generate' && (r.prompt || r.suffix));
    await waitFor(async () => (await generations()).length > 0, 'the stalled request to reach the model');
    cts.cancel();
    await assert.rejects(pending, (e) => e.code === P.LSPErrorCodes.RequestCancelled);
    await waitFor(async () => {
      const stalled = await generations();
      return stalled.length > 0 && stalled.every((r) => r.outcome === 'client_closed');
    }, 'the cancelled request\'s model stream to be closed');
    await emulator.setFaults({});

    await conn.sendRequest(P.ShutdownRequest.type);
    await conn.sendNotification(P.ExitNotification.type);
    assert.equal(await exited, 0, `exit code after shutdown (stderr: ${stderr()})`);
  } finally {
    // A failed assertion leaves the server running; its pipes would keep this test file from ever ending.
    conn.dispose();
    child.kill();
  }
});

test('a malformed message gets a ParseError and the server keeps serving', async () => {
  const { child, conn, exited } = startServer();
  try {
    await initialize(conn);
    const body = '{"jsonrpc":"2.0","id":99,"method":';
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const result = await conn.sendRequest(P.CompletionRequest.type, {
      textDocument: { uri: 'file:///nowhere.py' }, position: { line: 0, character: 0 },
    }).catch((e) => e);
    // The server survived the bad frame: it answers the next request (unknown document -> empty or error, not a hang).
    assert.ok(result !== undefined);
    await conn.sendRequest(P.ShutdownRequest.type);
    await conn.sendNotification(P.ExitNotification.type);
    assert.equal(await exited, 0);
  } finally {
    // A failed assertion leaves the server running; its pipes would keep this test file from ever ending.
    conn.dispose();
    child.kill();
  }
});

test('frames a protocol fuzzer found fatal are answered or dropped, and the server keeps serving', async () => {
  const { child, conn, exited, stderr } = startServer();
  try {
    await initialize(conn);
    // Each of these once ended `router lsp`: text that is not UTF-8, or escapes that decode to a lone surrogate, in the
    // envelope (ids are strings this client never uses, so their error answers match none of its requests).
    const notUtf8 = Buffer.from([0xc3, 0x28, 0xff]);
    const fatal = [
      ['{"jsonrpc":"2.0","id":"h1', notUtf8, '","method":"textDocument/completion","params":{}}'],
      ['{"jsonrpc":"2.0","id":"h2","method":"textDocument/', notUtf8, '","params":{}}'],
      ['{"jsonrpc":"2.0","method":"textDocument/', notUtf8, '","params":{}}'],
      ['{"jsonrpc":"2.', notUtf8, '","id":"h3","method":"textDocument/completion","params":{}}'],
      ['{"jsonrpc":"2.', notUtf8, '","method":"textDocument/didClose","params":{}}'],
      ['{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"', notUtf8, '"}}'],
      ['{"jsonrpc":"2.0","id":"\\ud800","method":"textDocument/completion","params":{}}'],
      ['{"jsonrpc":"2.0","id":"h4","method":"textDocument/\\ud800","params":{}}'],
      ['{"jsonrpc":"2.0","method":"\\udc00","params":{}}'],
    ];
    for (const parts of fatal) {
      const body = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
      child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
    }

    const uri = pathToFileURL(path.join(workspace, 'after.py')).href;
    await conn.sendNotification(P.DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'python', version: 1, text: 'def twice(x):\n    return x * 2\n' },
    });
    // A server that died would leave the request unanswered forever: its exit fails the test instead.
    const died = exited.then((code) => { throw new Error(`router lsp exited with ${code}: ${stderr().slice(0, 400)}`); });
    const actions = await Promise.race([conn.sendRequest(P.CodeActionRequest.type, {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }, context: { diagnostics: [] },
    }), died]);
    died.catch(() => {});
    assert.ok(actions.length >= 1, 'the server still answers after the frames that used to end it');
    await conn.sendRequest(P.ShutdownRequest.type);
    await conn.sendNotification(P.ExitNotification.type);
    assert.equal(await exited, 0, `exit code after shutdown (stderr: ${stderr()})`);
  } finally {
    // A failed assertion leaves the server running; its pipes would keep this test file from ever ending.
    conn.dispose();
    child.kill();
  }
});

test('router.configShow names each value\'s origin, the settings the client answers workspace/configuration with included', async () => {
  const { conn, exited } = startServer();
  // As VS Code's client does: the router section answers the server's workspace/configuration pulls.
  let router = { privacy: { localOnly: true }, models: { chat: 'llama3.1:8b' } };
  conn.onRequest(P.ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'router' ? router : null)));
  const show = async () => {
    const report = await conn.sendRequest(P.ExecuteCommandRequest.type, { command: 'router.configShow', arguments: [] });
    return Object.fromEntries(report.values.map((v) => [v.key, `${v.value} @ ${v.origin}`]));
  };
  try {
    await initialize(conn, { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } } });
    let values = await waitFor(async () => {
      const now = await show();
      return now['models.chat'] === 'llama3.1:8b @ editor setting router.models.chat' ? now : null;
    }, 'the pulled settings in router.configShow');
    assert.equal(values['privacy.mode'], 'local-only @ editor setting router.privacy.localOnly');
    assert.equal(values['tiers.code.model'], 'qwen2.5-coder:14b @ router.yaml:7');
    assert.equal(values['routes.explain'], 'quick @ router.yaml:11');
    assert.equal(values['routes.chat'], 'quick @ default');

    router = { privacy: { localOnly: false }, models: {} };
    await conn.sendNotification(P.DidChangeConfigurationNotification.type, { settings: null });
    values = await waitFor(async () => {
      const now = await show();
      return now['models.chat'] === '(as routed) @ default' ? now : null;
    }, 'the cleared setting in router.configShow');
    assert.equal(values['privacy.mode'], 'auto @ default');

    await conn.sendRequest(P.ShutdownRequest.type);
    await conn.sendNotification(P.ExitNotification.type);
    assert.equal(await exited, 0);
  } finally {
    conn.dispose();
  }
});

test('exit without shutdown ends the server with code 1', async () => {
  const { child, conn, exited } = startServer();
  try {
    await initialize(conn);
    await conn.sendNotification(P.ExitNotification.type);
    assert.equal(await exited, 1);
  } finally {
    // A failed assertion leaves the server running; its pipes would keep this test file from ever ending.
    conn.dispose();
    child.kill();
  }
});
