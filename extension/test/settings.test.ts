import assert from 'node:assert/strict';
import { describe as suite, test } from 'node:test';
import { needsRestart, resolvePath, serverArgs, serverSettings } from '../src/core/settings';

const reader = (values: Record<string, unknown>) => (key: string) => values[key];

suite('settings mapping', () => {
  test('defaults: no config file, cloud allowed, completion on, no overrides, no budget', () => {
    assert.deepEqual(serverSettings(reader({ configFile: '', 'completion.enabled': true, 'budget.dailyUsd': null }), '/ws'), {
      configFile: null,
      privacy: { localOnly: false },
      completion: { enabled: true },
      models: {},
      budget: { dailyUsd: null },
    });
  });

  test('every setting reaches the server in its place', () => {
    const settings = serverSettings(reader({
      configFile: 'config/router.yaml',
      'privacy.localOnly': true,
      'completion.enabled': false,
      'models.completion': ' qwen2.5-coder:7b ',
      'models.explain': '',
      'models.refactor': 'qwen2.5-coder:32b',
      'models.chat': 'llama3.1:8b',
      'budget.dailyUsd': 2.5,
    }), '/ws');
    assert.deepEqual(settings, {
      configFile: '/ws/config/router.yaml',
      privacy: { localOnly: true },
      completion: { enabled: false },
      models: { completion: 'qwen2.5-coder:7b', refactor: 'qwen2.5-coder:32b', chat: 'llama3.1:8b' },
      budget: { dailyUsd: 2.5 },
    });
  });

  test('a negative or non-numeric budget is ignored rather than sent', () => {
    assert.equal(serverSettings(reader({ 'budget.dailyUsd': -1 }), undefined).budget.dailyUsd, null);
    assert.equal(serverSettings(reader({ 'budget.dailyUsd': '5' }), undefined).budget.dailyUsd, null);
    assert.equal(serverSettings(reader({ 'budget.dailyUsd': 0 }), undefined).budget.dailyUsd, 0);
  });

  test('config paths expand ${workspaceFolder} and ~, and stay as given without a workspace', () => {
    assert.equal(resolvePath('${workspaceFolder}/r.yaml', '/ws', '/home/u'), '/ws/r.yaml');
    assert.equal(resolvePath('~/router.yaml', '/ws', '/home/u'), '/home/u/router.yaml');
    assert.equal(resolvePath('/etc/router.yaml', '/ws', '/home/u'), '/etc/router.yaml');
    assert.equal(resolvePath('router.yaml', undefined, '/home/u'), 'router.yaml');
    assert.equal(resolvePath('', '/ws', '/home/u'), null);
  });

  test('only the server path and config file need a restart', () => {
    assert.equal(needsRestart((s) => s === 'router.server.path'), true);
    assert.equal(needsRestart((s) => s === 'router.configFile'), true);
    assert.equal(needsRestart((s) => s === 'router.privacy.localOnly'), false);
    assert.equal(needsRestart(() => false), false);
  });

  test('the server starts as `lsp`, with --config when a config file is set', () => {
    const base = serverSettings(reader({}), '/ws');
    assert.deepEqual(serverArgs(base), ['lsp']);
    assert.deepEqual(serverArgs({ ...base, configFile: '/ws/r.yaml' }), ['lsp', '--config', '/ws/r.yaml']);
  });
});
