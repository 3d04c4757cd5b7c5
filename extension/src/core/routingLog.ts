// One line per routed request in the "Router.Lsp Routing" output channel.
import type { AnswerParams, CompletionTraceParams } from './protocol';
import { routeTarget } from './status';

/** "completion code · qwen2.5-coder:14b@emu completed 412 ms (prefix 310 tok, suffix 40 tok) file:///a.py". */
export function traceLine(trace: CompletionTraceParams): string {
  const kind = trace.method.endsWith('inlineCompletion') ? 'inline completion' : 'completion';
  const tokens = `prefix ${trace.prefixTokens} tok, suffix ${trace.suffixTokens} tok`;
  const firstChunk = typeof trace.timeToFirstChunkMs === 'number' ? `, first chunk ${Math.round(trace.timeToFirstChunkMs)} ms` : '';
  const error = trace.error ? ` — ${trace.error}` : '';
  return `${kind} ${trace.tier} · ${routeTarget(trace.model, trace.endpoint || null)} ${trace.outcome} ${Math.round(trace.latencyMs)} ms (${tokens}${firstChunk}) ${trace.documentUri}${error}`;
}

/** The line logged when an answer finishes: kind, route and title (never the answer's text). */
export function answerLine(answer: AnswerParams): string {
  return `${answer.kind} ${answer.tier} · ${routeTarget(answer.model, answer.endpoint || null)} done: ${answer.title}`;
}

/** The message for a failed server command; an old server that lacks it is told apart from a failure. */
export function commandErrorMessage(error: unknown, command: string, serverVersion: string | null): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === -32601) {
    return `the server${serverVersion ? ` (${serverVersion})` : ''} does not support ${command}; update router.`;
  }
  return error instanceof Error ? error.message : String(error);
}
