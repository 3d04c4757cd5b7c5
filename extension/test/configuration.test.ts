import assert from 'node:assert/strict';
import { describe as suite, test } from 'node:test';
import { configurationText, isConfigShowResult } from '../src/core/configuration';

const report = {
  source: '/work/app/router.yaml',
  values: [
    { key: 'tiers.code.model', value: 'qwen2.5-coder:14b', origin: 'router.yaml:7' },
    { key: 'routes.chat', value: 'quick', origin: 'default' },
    { key: 'models.chat', value: 'llama3.1:8b', origin: 'editor setting router.models.chat' },
  ],
};

suite('show configuration', () => {
  test('prints the source, then each key, value and origin in aligned columns', () => {
    assert.equal(configurationText(report), [
      'configuration in force: /work/app/router.yaml',
      '',
      'key               value              from',
      'tiers.code.model  qwen2.5-coder:14b  router.yaml:7',
      'routes.chat       quick              default',
      'models.chat       llama3.1:8b        editor setting router.models.chat',
      '',
    ].join('\n'));
  });

  test('a result of another shape is refused', () => {
    assert.equal(isConfigShowResult(report), true);
    assert.equal(isConfigShowResult({ text: 'doctor output' }), false);
    assert.equal(isConfigShowResult({ source: 'x', values: [{ key: 'a', value: 1, origin: 'default' }] }), false);
    assert.equal(isConfigShowResult(null), false);
  });
});
