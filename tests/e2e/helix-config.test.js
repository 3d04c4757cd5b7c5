// Helix is not packaged for Debian bookworm, so Helix itself is not run: this checks the
// languages.toml that docs/editors.md gives users, and that the command it names serves what Helix uses.
'use strict';
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const cp = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');
const P = require('vscode-languageserver-protocol');
const { routerBinDir, makeWorkspace } = require('./lib/router');
const { documentedBlock } = require('./lib/docs');

/** The documented languages.toml as Python's tomllib reads it (Helix uses a TOML 1.0 parser too). */
function parseDocumentedToml() {
  const run = cp.spawnSync('python3', ['-c', 'import json, sys, tomllib; print(json.dumps(tomllib.loads(sys.stdin.read())))'], {
    input: documentedBlock('Helix', 'toml'),
    encoding: 'utf8',
  });
  assert.equal(run.error, undefined, `python3 (3.11 or newer, for tomllib) is needed: apt-get install -y python3 (${run.error?.message})`);
  assert.equal(run.status, 0, `the languages.toml in docs/editors.md does not parse:\n${run.stderr}`);
  return JSON.parse(run.stdout);
}

const cleanup = [];
after(() => { for (const dir of cleanup) fs.rmSync(dir, { recursive: true, force: true }); });

test('the documented languages.toml is valid TOML that adds router to every language it lists', () => {
  const config = parseDocumentedToml();
  assert.deepEqual(config['language-server'].router, { command: 'router', args: ['lsp'] });
  const languages = config.language;
  assert.ok(Array.isArray(languages) && languages.length >= 5, `several languages: ${JSON.stringify(languages)}`);
  for (const language of languages) {
    assert.equal(typeof language.name, 'string');
    assert.ok(language['language-servers'].includes('router'), `${language.name} runs router`);
    assert.notEqual(language['language-servers'][0], 'router', `${language.name} keeps its own server first`);
  }
});

test('the command it names starts router lsp and offers what Helix uses: completion and code actions', async () => {
  const server = parseDocumentedToml()['language-server'].router;
  const binDir = routerBinDir();
  const workspace = makeWorkspace('http://127.0.0.1:9');
  cleanup.push(binDir, workspace);
  const child = cp.spawn(server.command, server.args, { cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, PATH: `${binDir}:${process.env.PATH}` } });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  conn.listen();
  try {
    // A client like Helix: no inline completion, classic completion and code actions with literals.
    const init = await conn.sendRequest(P.InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).href,
      clientInfo: { name: 'a client like Helix' },
      capabilities: { textDocument: { completion: {}, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor'] } } } } },
    });
    assert.ok(init.capabilities.completionProvider, 'completion');
    assert.ok(init.capabilities.codeActionProvider, 'code actions');
    await conn.sendNotification(P.InitializedNotification.type, {});
    await conn.sendRequest(P.ShutdownRequest.type);
    await conn.sendNotification(P.ExitNotification.type);
    assert.equal(await exited, 0, `router lsp exits 0 after shutdown + exit\n${stderr}`);
  } finally {
    conn.dispose();
    child.kill();
  }
});
