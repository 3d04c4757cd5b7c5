// `router lsp` against `router-emulator --flavour X`, both real processes: inline completion works on servers that take
// fill-in-the-middle in their own way, and what reaches the server is that way.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const cp = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');
const P = require('vscode-languageserver-protocol');
const { routerCommand, startEmulator } = require('./lib/router');

function workspaceFor(apiRoot) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'router-e2e-flavour-'));
  fs.writeFileSync(path.join(dir, 'router.yaml'), [
    'endpoints:',
    '  server:',
    '    provider: openai',
    `    url: ${apiRoot}`,
    'tiers:',
    '  quick: { model: "qwen2.5-coder:14b", endpoints: [server], contextTokens: 8192 }',
    '  code: { model: "qwen2.5-coder:14b", endpoints: [server], contextTokens: 16384 }',
    '  heavy: { model: "qwen2.5-coder:14b", endpoints: [server], contextTokens: 32768 }',
    '',
  ].join('\n'));
  return dir;
}

async function completeAgainst(flavour) {
  const emulator = await startEmulator(['--time-scale', '0', '--flavour', flavour]);
  const workspace = workspaceFor(`${emulator.url}/v1`);
  const [cmd, args] = routerCommand('lsp', '--config', path.join(workspace, 'router.yaml'));
  const child = cp.spawn(cmd, args, { cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  conn.listen();
  try {
    await conn.sendRequest(P.InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).href,
      capabilities: { textDocument: { inlineCompletion: {}, synchronization: {} } },
    });
    await conn.sendNotification(P.InitializedNotification.type, {});
    const uri = pathToFileURL(path.join(workspace, 'add.py')).href;
    await conn.sendNotification(P.DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'python', version: 1, text: 'def add(a, b):\n    return \n\nprint(add(1, 2))\n' },
    });
    const result = await conn.sendRequest(P.InlineCompletionRequest.type, {
      textDocument: { uri }, position: { line: 1, character: 11 },
      context: { triggerKind: P.InlineCompletionTriggerKind.Invoked },
    });
    const items = Array.isArray(result) ? result : result.items;
    const asked = (await emulator.requests()).filter((r) => r.model === 'qwen2.5-coder:14b' && (r.prompt || r.suffix));
    await conn.sendRequest(P.ShutdownRequest.type);
    await conn.sendNotification(P.ExitNotification.type);
    return { text: items[0]?.insertText ?? '', asked };
  } finally {
    conn.dispose();
    child.kill();
    emulator.stop();
  }
}

for (const [flavour, endpoint, suffixApart] of [
  ['vllm', '/v1/completions', false],
  ['llamacpp', '/infill', true],
  ['codestral', '/v1/fim/completions', true],
]) {
  test(`inline completion against ${flavour} goes to ${endpoint} and shows clean code`, async () => {
    const { text, asked } = await completeAgainst(flavour);

    assert.ok(text.trim().length > 0, `a suggestion from ${flavour}`);
    assert.doesNotMatch(text, /<\|?fim|<\|file_sep\|>|\[SUFFIX\]|\[PREFIX\]/, 'no FIM markup reaches the editor');
    assert.ok(!text.includes('print(add(1, 2))'), 'the text after the cursor is not repeated');
    assert.equal(asked.length, 1, `one request to the model (saw ${JSON.stringify(asked)})`);
    assert.equal(asked[0].endpoint, endpoint);
    if (suffixApart) {
      assert.ok(asked[0].suffix.includes('print(add(1, 2))'), 'the text after the cursor travels apart');
    } else {
      assert.ok(asked[0].prompt.startsWith('<|fim_prefix|>'), 'the prompt carries the family\'s FIM tokens');
      assert.equal(asked[0].suffix ?? null, null);
    }
  });
}
