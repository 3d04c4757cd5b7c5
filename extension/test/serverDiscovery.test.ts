import assert from 'node:assert/strict';
import { describe as suite, test } from 'node:test';
import {
  type DiscoveryInputs,
  type ProbeResult,
  type ServerCandidate,
  discoverServer,
  discoveryFailureMessage,
  executableFormat,
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
    formatOf: () => 'elf',
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

  test('on macOS a bundled Linux executable is never started; the dll is tried instead', async () => {
    const files = ['/ext/router-lsp/server/router', '/ext/router-lsp/server/router.dll'];
    const asked: string[] = [];
    const found = await discoverServer(inputs(files, { platform: 'darwin', pathVariable: '' }), async (c) => {
      asked.push(c.location);
      return { ok: true, version: '0.1.0' };
    });
    assert.deepEqual(asked, ['/ext/router-lsp/server/router.dll']);
    assert.equal(found.server?.command, 'dotnet');
    assert.match(found.attempts[0]!.result.ok ? '' : found.attempts[0]!.result.error, /Linux \(ELF\) executable, not one for darwin/);
  });

  test('the bundled executable of the platform is used first', async () => {
    const files = ['/ext/router-lsp/server/router', '/ext/router-lsp/server/router.dll'];
    const found = await discoverServer(inputs(files, { platform: 'darwin', formatOf: () => 'mach-o' }), async () => ({ ok: true, version: '0.1.0' }));
    assert.equal(found.server?.location, '/ext/router-lsp/server/router');
    assert.equal(found.server?.command, '/ext/router-lsp/server/router');
  });

  test('a framework-dependent server without dotnet says it needs the .NET 10 runtime', async () => {
    const found = await discoverServer(inputs(['/ext/router-lsp/server/router.dll'], { pathVariable: '' }), async () => ({ ok: false, error: '`dotnet` is not installed or not on PATH' }));
    const message = discoveryFailureMessage(found);
    assert.match(message, /needs the \.NET 10 runtime/);
    assert.match(message, /\.vsix built for this platform/);
  });

  test('executable formats are told apart by their first bytes', () => {
    assert.equal(executableFormat(Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2])), 'elf');
    assert.equal(executableFormat(Uint8Array.from([0xcf, 0xfa, 0xed, 0xfe])), 'mach-o');
    assert.equal(executableFormat(Uint8Array.from([0xca, 0xfe, 0xba, 0xbe])), 'mach-o');
    assert.equal(executableFormat(Uint8Array.from([0x4d, 0x5a, 0x90, 0x00])), 'pe');
    assert.equal(executableFormat(Uint8Array.from([0x23, 0x21, 0x2f, 0x62])), 'unknown');
    assert.equal(executableFormat(new Uint8Array()), 'unknown');
  });

  test('--version output is read without the commit suffix; noise is not a version', () => {
    assert.equal(parseVersion('0.1.0+4f2a9c1\n'), '0.1.0');
    assert.equal(parseVersion('\n  1.2.3-preview.1\n'), '1.2.3-preview.1');
    assert.equal(parseVersion('Unrecognized command or argument'), null);
    assert.equal(parseVersion(''), null);
  });
});
