import assert from 'node:assert/strict';
import { describe as suite, test } from 'node:test';
import { decisionItems, decisionsMarkdown, isDecisionList } from '../src/core/decisions';
import type { Decision } from '../src/core/protocol';
import { refactorChoices, refactorOutcome, validateInstruction } from '../src/core/refactorChoices';
import { answerLine, commandErrorMessage, traceLine } from '../src/core/routingLog';
import { parseVariableList, serverEnvironment, validateVariableName } from '../src/core/secrets';

const decision: Decision = {
  id: 'r-7', kind: 'explain', tier: 'quick', model: 'qwen2.5:3b', endpoint: 'local',
  reasons: ['kind explain routes to quick', 'private path: local only'], latencyMs: 412.6, fallbacks: ['cloud-mini'], escalation: null,
};

suite('why this model', () => {
  test('each decision reads as kind → tier · model@endpoint with latency and reasons', () => {
    assert.deepEqual(decisionItems([decision]), [{
      id: 'r-7', label: 'explain → quick · qwen2.5:3b@local', description: '413 ms', detail: 'kind explain routes to quick; private path: local only',
    }]);
    assert.equal(decisionItems([{ ...decision, escalation: 'empty answer' }])[0]?.description, '413 ms · escalated');
  });

  test('the document lists reasons, fallbacks and escalation', () => {
    const md = decisionsMarkdown([{ ...decision, escalation: 'parse failed' }]);
    assert.match(md, /## explain → quick/);
    assert.match(md, /1\. private path: local only/);
    assert.match(md, /Fallbacks: cloud\\-mini/);
    assert.match(md, /Escalation: parse failed/);
    assert.match(decisionsMarkdown([]), /No request has been routed yet/);
  });

  test('a result of another shape is refused', () => {
    assert.equal(isDecisionList({ decisions: [decision] }), true);
    assert.equal(isDecisionList({ decisions: [{ tier: 'quick' }] }), false);
    assert.equal(isDecisionList([]), false);
  });
});

suite('refactor', () => {
  test('offers the two ready instructions and a free one', () => {
    assert.deepEqual(refactorChoices.map((c) => c.instruction), ['Add error handling', 'Extract function', null]);
    assert.notEqual(validateInstruction('  '), null);
    assert.equal(validateInstruction('use async/await'), null);
  });

  test('a result is read as an edit to apply, a message, or nothing (applied by the server)', () => {
    const edit = { changes: { 'file:///a.py': [] } };
    assert.deepEqual(refactorOutcome(edit), { edit, message: null });
    assert.deepEqual(refactorOutcome({ edit, message: 'checked with Roslyn' }), { edit, message: 'checked with Roslyn' });
    assert.deepEqual(refactorOutcome(null), { edit: null, message: null });
    assert.deepEqual(refactorOutcome({ message: 'nothing to change' }), { edit: null, message: 'nothing to change' });
  });
});

suite('API keys and the routing log', () => {
  test('stored keys are added to the server environment and win over the editor one', () => {
    const env = serverEnvironment({ PATH: '/bin', OPENAI_API_KEY: 'old' }, new Map([['OPENAI_API_KEY', 'sk-new'], ['EMPTY', '']]));
    assert.deepEqual(env, { PATH: '/bin', OPENAI_API_KEY: 'sk-new' });
  });

  test('variable names are validated and a corrupt stored list reads as empty', () => {
    assert.equal(validateVariableName('OPENAI_API_KEY'), null);
    assert.notEqual(validateVariableName('1BAD'), null);
    assert.notEqual(validateVariableName('A-B'), null);
    assert.deepEqual(parseVariableList('["A_KEY","bad-name",3]'), ['A_KEY']);
    assert.deepEqual(parseVariableList('{not json'), []);
  });

  test('log lines name the route and timing but never the answer text', () => {
    assert.equal(
      traceLine({ method: 'textDocument/inlineCompletion', documentUri: 'file:///a.py', tier: 'code', model: 'qwen2.5-coder:14b', endpoint: 'emu', outcome: 'completed', latencyMs: 99.6, prefixTokens: 310, suffixTokens: 40, multiLine: false, completionLength: 9, timeToFirstChunkMs: 50.2 }),
      'inline completion code · qwen2.5-coder:14b@emu completed 100 ms (prefix 310 tok, suffix 40 tok, first chunk 50 ms) file:///a.py',
    );
    const line = answerLine({ id: '1', title: 'Explain x', kind: 'explain', markdown: 'SECRET BODY', done: true, tier: 'quick', model: 'm', endpoint: 'e' });
    assert.equal(line, 'explain quick · m@e done: Explain x');
  });
});

suite('server command errors', () => {
  test('a server without the command is told apart from a failing one', () => {
    assert.equal(commandErrorMessage({ code: -32601, message: 'Method not found: workspace/executeCommand' }, 'router.explain', '1.0.0'),
      'the server (1.0.0) does not support router.explain; update router.');
    assert.equal(commandErrorMessage(new Error('model qwen2.5:3b is not pulled'), 'router.explain', '1.0.0'), 'model qwen2.5:3b is not pulled');
  });
});
