// Streamed answers (router/answer): chunks with the same id are appended in arrival order into
// one markdown document, which the extension shows and refreshes as they come.
import type { AnswerParams } from './protocol';
import { escapeMarkdown, routeTarget } from './status';

interface Answer {
  id: string;
  title: string;
  kind: string;
  tier: string;
  model: string;
  endpoint: string;
  chunks: string[];
  done: boolean;
}

/** What applying one chunk did: whether the answer is new (to be opened) and whether it changed. */
export interface AnswerUpdate {
  id: string;
  created: boolean;
  changed: boolean;
  done: boolean;
}

/** Every answer of the session, newest last; the oldest ones are forgotten beyond `capacity`. */
export class AnswerBook {
  private readonly answers = new Map<string, Answer>();

  constructor(private readonly capacity = 50) {}

  /** Appends one chunk; chunks after the final one (done) are ignored. */
  apply(params: AnswerParams): AnswerUpdate {
    let answer = this.answers.get(params.id);
    const created = answer === undefined;
    if (!answer) {
      answer = { id: params.id, title: params.title, kind: params.kind, tier: params.tier, model: params.model, endpoint: params.endpoint, chunks: [], done: false };
      this.answers.set(params.id, answer);
      this.forgetOldest();
    } else if (answer.done) {
      return { id: params.id, created: false, changed: false, done: true };
    }
    // The route can change mid-answer (escalation); the latest one is what produced the rest.
    answer.title = params.title || answer.title;
    answer.tier = params.tier || answer.tier;
    answer.model = params.model || answer.model;
    answer.endpoint = params.endpoint || answer.endpoint;
    if (params.reset) {
      answer.chunks = [];
    }
    if (params.markdown) {
      answer.chunks.push(params.markdown);
    }
    answer.done = params.done;
    return { id: params.id, created, changed: true, done: answer.done };
  }

  has(id: string): boolean {
    return this.answers.has(id);
  }

  /** The answer as a markdown document: title, the route that served it, the text so far. */
  render(id: string): string | null {
    const answer = this.answers.get(id);
    if (!answer) {
      return null;
    }
    const route = answer.model ? `${answer.tier} · ${routeTarget(answer.model, answer.endpoint || null)}` : answer.tier;
    const state = answer.done ? '' : ' · _streaming…_';
    const body = answer.chunks.join('');
    return `# ${escapeMarkdown(answer.title)}\n\n_${escapeMarkdown(answer.kind)} · ${escapeMarkdown(route)}_${state}\n\n${body}${body.endsWith('\n') || body === '' ? '' : '\n'}`;
  }

  /** The file name the answer's document gets (readable in an editor tab). */
  fileName(id: string): string | null {
    const answer = this.answers.get(id);
    return answer ? answerFileName(answer.title, id) : null;
  }

  private forgetOldest(): void {
    while (this.answers.size > this.capacity) {
      const oldest = this.answers.keys().next().value;
      if (oldest === undefined) {
        return;
      }
      this.answers.delete(oldest);
    }
  }
}

/** A file-name-safe "Title (id).md"; the id keeps two answers with one title apart. */
export function answerFileName(title: string, id: string): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|#%\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim();
  const name = safe(title).slice(0, 60) || 'Answer';
  return `${name} (${safe(id).slice(0, 40)}).md`;
}

/** Reads an explain/ask command result: a complete answer (a server that does not stream), else null. */
export function answerFromResult(result: unknown, fallback: { id: string; title: string; kind: string }): AnswerParams | null {
  if (typeof result === 'string') {
    return result === '' ? null : { ...fallback, markdown: result, done: true, tier: '', model: '', endpoint: '' };
  }
  if (typeof result !== 'object' || result === null) {
    return null;
  }
  const r = result as Partial<AnswerParams>;
  if (typeof r.markdown !== 'string') {
    return null;
  }
  return {
    id: typeof r.id === 'string' ? r.id : fallback.id,
    title: typeof r.title === 'string' ? r.title : fallback.title,
    kind: typeof r.kind === 'string' ? r.kind : fallback.kind,
    markdown: r.markdown,
    done: true,
    tier: typeof r.tier === 'string' ? r.tier : '',
    model: typeof r.model === 'string' ? r.model : '',
    endpoint: typeof r.endpoint === 'string' ? r.endpoint : '',
  };
}

/** The answer id a streaming server returns from explain/ask ({id}), else null. */
export function answerIdFromResult(result: unknown): string | null {
  return typeof result === 'object' && result !== null && typeof (result as { id?: unknown }).id === 'string' ? (result as { id: string }).id : null;
}

/** The page of a router.usageReport result, or null when the result has another shape. */
export function usageReportHtml(result: unknown): string | null {
  return typeof result === 'object' && result !== null && typeof (result as { html?: unknown }).html === 'string' ? (result as { html: string }).html : null;
}
