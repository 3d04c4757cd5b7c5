import assert from 'node:assert/strict';
import { describe as suite, test } from 'node:test';
import {
  type DiscoveryInputs,
  type ProbeResult,
  type ServerCandidate,
  discoverServer,
  discoveryFailureMessage,
  parseVersion,
  serverCandidates,
} from '../src/core/serverDiscovery';

function inputs(files: string[], overrides: Partial<DiscoveryInputs> = {}): DiscoveryInputs {
  const set = new Set(files);
  return {
    settingPath: null,
    extensionPath: '/ext/router-lsp',
    workspaceFolders: ['/work/repo'],
    platform: 'linux',
    pathVariable: '/usr/local/bin:/usr/bin',
    isFile: (f) => set.has(f),
    ...overrides,
  };
}

const everything = [
  '/ext/router-lsp/server/router',
  '/ext/router-lsp/server/router.dll',
  '/usr/bin/router',
  '/work/repo/artifacts/bin/Router.Cli/release/router.dll',
  '/work/repo/artifacts/bin/Router.Cli/debug/router.dll',
];

suite('server discovery', () => {
  test('tries bundled, then PATH, then a workspace build, release before debug', () => {
    const order = serverCandidates(inputs(everything)).map((c) => `${c.source} ${c.command} ${c.args.join(' ')}`.trim());
    assert.deepEqual(order, [
      'bundled /ext/router-lsp/server/router',
      'bundled dotnet /ext/router-lsp/server/router.dll',
      'PATH /usr/bin/router',
      'build dotnet /work/repo/artifacts/bin/Router.Cli/release/router.dll',
      'build dotnet /work/repo/artifacts/bin/Router.Cli/debug/router.dll',
    ]);
  });

  test('the setting wins alone, even when its file is missing, so the error names the setting', () => {
    const candidates = serverCandidates(inputs(everything, { settingPath: '/opt/router/router.dll' }));
    assert.deepEqual(candidates, [{ source: 'setting', command: 'dotnet', args: ['/opt/router/router.dll'], location: '/opt/router/router.dll' }]);
  });

  test('PATH is searched in order and the first hit is used', () => {
    const candidates = serverCandidates(inputs(['/usr/local/bin/router', '/usr/bin/router']));
    assert.deepEqual(candidates.map((c) => c.command), ['/usr/local/bin/router']);
  });

  test('on Windows the executable is router.exe and PATH is separated by semicolons', () => {
    const candidates = serverCandidates(inputs(['C:\\tools\\router.exe'], { platform: 'win32', extensionPath: 'C:\\ext', workspaceFolders: [], pathVariable: 'C:\\bin;C:\\tools' }));
    assert.deepEqual(candidates.map((c) => c.command), ['C:\\tools\\router.exe']);
  });

  test('an extension running from the repository finds the repository build', () => {
    const candidates = serverCandidates(inputs(['/src/repo/artifacts/bin/Router.Cli/debug/router.dll'], { extensionPath: '/src/repo/extension', workspaceFolders: [] }));
    assert.deepEqual(candidates.map((c) => c.location), ['/src/repo/artifacts/bin/Router.Cli/debug/router.dll']);
  });

  test('a candidate that fails --version is skipped for the next one', async () => {
    const asked: string[] = [];
    const probe = async (c: ServerCandidate): Promise<ProbeResult> => {
      asked.push(c.location);
      return c.source === 'bundled' ? { ok: false, error: 'not executable' } : { ok: true, version: '0.3.0' };
    };
    const found = await discoverServer(inputs(everything), probe);
    assert.equal(found.server?.location, '/usr/bin/router');
    assert.equal(found.server?.version, '0.3.0');
    assert.deepEqual(asked, ['/ext/router-lsp/server/router', '/ext/router-lsp/server/router.dll', '/usr/bin/router']);
  });

  test('no candidate at all says what to install or set', async () => {
    const found = await discoverServer(inputs([]), async () => ({ ok: true, version: '1.0.0' }));
    assert.equal(found.server, null);
    assert.match(discoveryFailureMessage(found), /router\.server\.path/);
    assert.match(discoveryFailureMessage(found), /not on PATH/);
  });

  test('a failing explicit setting is reported as the setting, with the reason', async () => {
    const found = await discoverServer(inputs(everything, { settingPath: '/nope/router' }), async () => ({ ok: false, error: 'file not found' }));
    assert.equal(found.server, null);
    assert.equal(found.attempts.length, 1);
    assert.match(discoveryFailureMessage(found), /router\.server\.path cannot be started \(file not found\)/);
  });

  test('every failed candidate is named in the message', async () => {
    const found = await discoverServer(inputs(everything), async () => ({ ok: false, error: 'boom' }));
    const message = discoveryFailureMessage(found);
    assert.match(message, /bundled \/ext\/router-lsp\/server\/router\.dll \(dotnet\): boom/);
    assert.match(message, /PATH \/usr\/bin\/router: boom/);
  });

  test('--version output is read without the commit suffix; noise is not a version', () => {
    assert.equal(parseVersion('0.1.0+4f2a9c1\n'), '0.1.0');
    assert.equal(parseVersion('\n  1.2.3-preview.1\n'), '1.2.3-preview.1');
    assert.equal(parseVersion('Unrecognized command or argument'), null);
    assert.equal(parseVersion(''), null);
  });
});
