import assert from 'node:assert/strict';
import { describe as suite, test } from 'node:test';
import type { CompletionTraceParams, StatusParams } from '../src/core/protocol';
import { applyStatus, applyTrace, initialStatus, messageToShow, statusBackground, statusText, statusTooltip } from '../src/core/status';

const running = { ...initialStatus, phase: 'running' as const, serverVersion: '0.1.0' };

const status: StatusParams = {
  tier: 'code',
  model: 'qwen2.5-coder:14b',
  endpoint: 'gpu-box',
  hosts: [
    { name: 'gpu-box', healthy: true, warmModels: ['qwen2.5-coder:14b', 'qwen2.5:3b'] },
    { name: 'laptop', healthy: false, warmModels: [] },
  ],
  spentTodayUsd: 0.125,
};

const trace: CompletionTraceParams = {
  method: 'textDocument/inlineCompletion', documentUri: 'file:///a.py', tier: 'code', model: 'qwen2.5-coder:14b', endpoint: 'emu',
  outcome: 'completed', latencyMs: 120, prefixTokens: 300, suffixTokens: 20, multiLine: false, completionLength: 12,
};

suite('status bar', () => {
  test('names the tier, model and host that served the last request', () => {
    const state = applyStatus(running, { ...status, hosts: [status.hosts[0]!] });
    assert.equal(statusText(state), '$(hubot) code · qwen2.5-coder:14b@gpu-box');
  });

  test('before any request it just says Router; starting and failed are visible', () => {
    assert.equal(statusText(running), '$(hubot) Router');
    assert.equal(statusText(initialStatus), '$(sync~spin) Router');
    assert.equal(statusText({ ...running, phase: 'failed' }), '$(error) Router');
  });

  test('local-only shows a lock and an unreachable host a warning', () => {
    const state = applyStatus({ ...running, localOnly: true }, status);
    assert.equal(statusText(state), '$(hubot) $(lock) code · qwen2.5-coder:14b@gpu-box $(warning)');
    assert.equal(statusBackground(state), 'warning');
  });

  test('a completion trace updates the route shown; a cancelled one does not', () => {
    const state = applyTrace(running, trace);
    assert.equal(statusText(state), '$(hubot) code · qwen2.5-coder:14b@emu');
    const after = applyTrace(state, { ...trace, model: 'other', outcome: 'cancelled' });
    assert.equal(after.model, 'qwen2.5-coder:14b');
  });

  test('a status without a route keeps the last route', () => {
    const state = applyStatus(applyTrace(running, trace), { hosts: [], spentTodayUsd: 0 });
    assert.equal(state.model, 'qwen2.5-coder:14b');
  });

  test('the tooltip lists hosts with health and warm models, and the spend against the budget', () => {
    const tooltip = statusTooltip(applyStatus({ ...running, budgetUsd: 5 }, status));
    assert.match(tooltip, /Last request: \*\*code\*\* tier · `qwen2\.5-coder:14b` on gpu\\-box/);
    assert.match(tooltip, /\$\(check\) \*\*gpu\\-box\*\* — warm: `qwen2\.5-coder:14b`, `qwen2\.5:3b`/);
    assert.match(tooltip, /\$\(error\) \*\*laptop\*\* — unreachable/);
    assert.match(tooltip, /Spent today: \$0\.13 of \$5\.00 budget/);
  });

  test('text from the server cannot inject markdown or icons into the tooltip', () => {
    const tooltip = statusTooltip(applyStatus(running, { ...status, hosts: [{ name: '[x](http://evil) $(zap)', healthy: true, warmModels: [] }], message: '*hi*' }));
    assert.ok(!tooltip.includes('[x](http://evil)'));
    assert.ok(!tooltip.includes(' $(zap)'));
    assert.ok(tooltip.includes('\\*hi\\*'));
  });

  test('a warning pops up once per distinct message; info never does', () => {
    const warn = { ...status, message: 'model qwen2.5-coder:14b missing: run `ollama pull qwen2.5-coder:14b`', severity: 'warning' as const };
    assert.deepEqual(messageToShow(null, warn), { text: warn.message, severity: 'warning' });
    assert.equal(messageToShow(warn.message, warn), null);
    assert.equal(messageToShow(null, { ...status, message: 'all good', severity: 'info' }), null);
    assert.equal(messageToShow(null, status), null);
  });

  test('an error message turns the item red', () => {
    assert.equal(statusBackground(applyStatus(running, { ...status, hosts: [], message: 'no host reachable', severity: 'error' })), 'error');
    assert.equal(statusBackground(applyStatus(running, { ...status, hosts: [] })), null);
  });
});

suite('status bar: today', () => {
  test("the tooltip gives today's share of requests per tier from the ledger", () => {
    const state = applyStatus(running, {
      ...status,
      todayShares: [
        { tier: 'code', requests: 72, share: 0.72 },
        { tier: 'quick', requests: 15, share: 0.15 },
        { tier: 'vision', requests: 8, share: 0.08 },
        { tier: 'reasoning', requests: 5, share: 0.05 },
      ],
    });
    assert.match(statusTooltip(state), /Today: code 72% · quick 15% · vision 8% · reasoning 5% of 100 requests/);
    assert.match(statusTooltip(state), /Spent today: \$0\.13/);
  });

  test('a status without shares keeps the last ones; a server without a ledger shows none', () => {
    const withShares = applyStatus(running, { ...status, todayShares: [{ tier: 'code', requests: 1, share: 1 }] });
    assert.match(statusTooltip(applyStatus(withShares, status)), /Today: code 100% of 1 request \(/);
    assert.doesNotMatch(statusTooltip(applyStatus(running, status)), /Today:/);
  });
});
