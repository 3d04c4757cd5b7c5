import assert from 'node:assert/strict';
import { describe as suite, test } from 'node:test';
import { AnswerBook, answerFileName, answerFromResult, answerIdFromResult } from '../src/core/answers';
import type { AnswerParams } from '../src/core/protocol';

const chunk = (markdown: string, done = false, over: Partial<AnswerParams> = {}): AnswerParams => ({
  id: 'a1', title: 'Explain parse_args', kind: 'explain', markdown, done, tier: 'quick', model: 'qwen2.5:3b', endpoint: 'local', ...over,
});

suite('answer documents', () => {
  test('chunks are appended in order under a header naming the route', () => {
    const book = new AnswerBook();
    assert.equal(book.apply(chunk('This function ')).created, true);
    assert.equal(book.apply(chunk('parses the **arguments**.')).created, false);
    assert.equal(book.render('a1'), '# Explain parse\\_args\n\n_explain · quick · qwen2\\.5:3b@local_ · _streaming…_\n\nThis function parses the **arguments**.\n');
  });

  test('the final chunk ends the stream marker; chunks after it are ignored', () => {
    const book = new AnswerBook();
    book.apply(chunk('Done.'));
    const last = book.apply(chunk('', true));
    assert.deepEqual(last, { id: 'a1', created: false, changed: true, done: true });
    assert.equal(book.apply(chunk(' late')).changed, false);
    const text = book.render('a1') ?? '';
    assert.ok(!text.includes('streaming'));
    assert.ok(!text.includes('late'));
  });

  test('an escalation mid-answer shows the route that finished it', () => {
    const book = new AnswerBook();
    book.apply(chunk('Partial'));
    book.apply(chunk(' rest', true, { tier: 'reasoning', model: 'deepseek-r1:8b' }));
    assert.match(book.render('a1') ?? '', /_explain · reasoning · deepseek\\-r1:8b@local_\n/);
  });

  test('a reset drops the partial text of a host that failed mid-answer', () => {
    const book = new AnswerBook();
    book.apply(chunk('Half an answer from the GPU b'));
    book.apply(chunk('', false, { reset: true, endpoint: 'laptop' }));
    book.apply(chunk('The whole answer.', true, { endpoint: 'laptop' }));
    const text = book.render('a1') ?? '';
    assert.ok(!text.includes('Half an answer'));
    assert.match(text, /The whole answer\.\n$/);
    assert.match(text, /@laptop_/);
  });

  test('two answers stream independently', () => {
    const book = new AnswerBook();
    book.apply(chunk('one'));
    book.apply(chunk('two', false, { id: 'b2', title: 'Ask' }));
    book.apply(chunk(' more'));
    assert.match(book.render('a1') ?? '', /one more\n$/);
    assert.match(book.render('b2') ?? '', /two\n$/);
  });

  test('old answers are forgotten beyond the capacity', () => {
    const book = new AnswerBook(2);
    for (const id of ['x', 'y', 'z']) {
      book.apply(chunk('t', true, { id }));
    }
    assert.equal(book.has('x'), false);
    assert.equal(book.render('z') !== null, true);
  });

  test('document names are safe file names and keep answers with one title apart', () => {
    assert.equal(answerFileName('Explain a/b: "c"?', '42'), 'Explain a b c (42).md');
    assert.notEqual(answerFileName('Ask', '1'), answerFileName('Ask', '2'));
    assert.equal(answerFileName('   ', '1'), 'Answer (1).md');
  });

  test('a command result is read as a whole answer, an id, or nothing', () => {
    const fallback = { id: 'f', title: 'Explanation', kind: 'explain' };
    assert.equal(answerIdFromResult({ id: 'a7' }), 'a7');
    assert.equal(answerIdFromResult(null), null);
    assert.deepEqual(answerFromResult('plain text', fallback), { ...fallback, markdown: 'plain text', done: true, tier: '', model: '', endpoint: '' });
    assert.equal(answerFromResult({ id: 'a7' }, fallback), null);
    assert.equal(answerFromResult({ id: 'a7', markdown: 'x', tier: 'quick' }, fallback)?.tier, 'quick');
  });
});
