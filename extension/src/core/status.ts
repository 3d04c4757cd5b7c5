// The status bar's state and how it reads: the last route (tier · model@endpoint), hosts' health,
// warm models and today's spend, folded from router/status and router/completionTrace.
import type { CompletionTraceParams, HostStatus, Severity, StatusParams, TierShare } from './protocol';

export type ServerPhase = 'starting' | 'running' | 'stopped' | 'failed';

export interface StatusState {
  phase: ServerPhase;
  serverVersion: string | null;
  localOnly: boolean;
  budgetUsd: number | null;
  tier: string | null;
  model: string | null;
  endpoint: string | null;
  hosts: HostStatus[];
  spentTodayUsd: number | null;
  todayShares: TierShare[] | null;
  message: string | null;
  severity: Severity | null;
}

export const initialStatus: StatusState = {
  phase: 'starting',
  serverVersion: null,
  localOnly: false,
  budgetUsd: null,
  tier: null,
  model: null,
  endpoint: null,
  hosts: [],
  spentTodayUsd: null,
  todayShares: null,
  message: null,
  severity: null,
};

/** Folds a router/status notification in; a missing tier/model keeps the last route shown. */
export function applyStatus(state: StatusState, params: StatusParams): StatusState {
  return {
    ...state,
    tier: params.tier ?? state.tier,
    model: params.model ?? state.model,
    endpoint: params.endpoint ?? state.endpoint,
    hosts: Array.isArray(params.hosts) ? params.hosts : state.hosts,
    spentTodayUsd: typeof params.spentTodayUsd === 'number' ? params.spentTodayUsd : state.spentTodayUsd,
    todayShares: Array.isArray(params.todayShares) ? params.todayShares : state.todayShares,
    message: params.message ?? null,
    severity: params.message ? params.severity ?? 'info' : null,
  };
}

/** A completion trace names the route of the last completion, which is what the user just saw. */
export function applyTrace(state: StatusState, trace: CompletionTraceParams): StatusState {
  if (trace.outcome === 'cancelled' || !trace.model) {
    return state;
  }
  return { ...state, tier: trace.tier, model: trace.model, endpoint: trace.endpoint };
}

/** The status bar text, e.g. "$(hubot) code · qwen2.5-coder:14b@gpu-box". */
export function statusText(state: StatusState): string {
  const lock = state.localOnly ? ' $(lock)' : '';
  switch (state.phase) {
    case 'starting':
      return `$(sync~spin) Router${lock}`;
    case 'failed':
      return `$(error) Router${lock}`;
    case 'stopped':
      return `$(circle-slash) Router${lock}`;
    case 'running': {
      const route = state.tier && state.model ? ` ${state.tier} · ${routeTarget(state.model, state.endpoint)}` : ' Router';
      const warning = state.hosts.some((h) => !h.healthy) || state.severity === 'error' || state.severity === 'warning' ? ' $(warning)' : '';
      return `$(hubot)${lock}${route}${warning}`;
    }
  }
}

/** "model@endpoint", or the model alone when the endpoint is unknown. */
export function routeTarget(model: string, endpoint: string | null): string {
  return endpoint ? `${model}@${endpoint}` : model;
}

/** The tooltip as markdown (theme icons allowed): route, privacy, hosts, spend, message. */
export function statusTooltip(state: StatusState): string {
  const lines: string[] = [];
  const version = state.serverVersion ? ` ${escapeMarkdown(state.serverVersion)}` : '';
  lines.push(`**Router.Lsp**${version} — ${phaseText(state.phase)}`, '');
  if (state.tier && state.model) {
    const on = state.endpoint ? ` on ${escapeMarkdown(state.endpoint)}` : '';
    lines.push(`Last request: **${escapeMarkdown(state.tier)}** tier · ${code(state.model)}${on}`, '');
  } else if (state.phase === 'running') {
    lines.push('No request routed yet.', '');
  }
  lines.push(state.localOnly ? '$(lock) Local only: no code leaves this machine.' : 'Privacy: private code stays local; the rest may use cloud endpoints.', '');
  if (state.hosts.length > 0) {
    lines.push('Hosts:', '');
    for (const host of state.hosts) {
      const icon = host.healthy ? '$(check)' : '$(error)';
      const health = host.healthy ? '' : ' — unreachable';
      const warm = host.warmModels.length > 0 ? ` — warm: ${host.warmModels.map(code).join(', ')}` : host.healthy ? ' — no model loaded' : '';
      lines.push(`- ${icon} **${escapeMarkdown(host.name)}**${health}${warm}`);
    }
    lines.push('');
  }
  if (state.spentTodayUsd !== null || state.budgetUsd !== null) {
    const spent = formatUsd(state.spentTodayUsd ?? 0);
    const budget = state.budgetUsd !== null ? ` of ${formatUsd(state.budgetUsd)} budget` : '';
    lines.push(`Spent today: ${spent}${budget}`, '');
  }
  if (state.todayShares && state.todayShares.length > 0) {
    const total = state.todayShares.reduce((sum, s) => sum + s.requests, 0);
    const shares = state.todayShares.map((s) => `${escapeMarkdown(s.tier)} ${Math.round(s.share * 100)}%`).join(' · ');
    lines.push(`Today: ${shares} of ${total} request${total === 1 ? '' : 's'} (Router: Show Usage)`, '');
  }
  if (state.message) {
    const icon = state.severity === 'error' ? '$(error)' : state.severity === 'warning' ? '$(warning)' : '$(info)';
    lines.push(`${icon} ${escapeMarkdown(state.message)}`, '');
  }
  lines.push('Click for the routing log.');
  return lines.join('\n');
}

/** The status bar background: red for a failed server or an error, yellow for a warning. */
export function statusBackground(state: StatusState): 'error' | 'warning' | null {
  if (state.phase === 'failed' || state.severity === 'error') {
    return 'error';
  }
  if (state.severity === 'warning' || (state.phase === 'running' && state.hosts.some((h) => !h.healthy))) {
    return 'warning';
  }
  return null;
}

/** Whether a status message should pop up: warnings and errors, once per distinct text. */
export function messageToShow(lastShown: string | null, params: StatusParams): { text: string; severity: Severity } | null {
  if (!params.message || params.message === lastShown) {
    return null;
  }
  const severity = params.severity ?? 'info';
  return severity === 'info' ? null : { text: params.message, severity };
}

export function formatUsd(value: number): string {
  return `$${value.toFixed(2)}`;
}

function phaseText(phase: ServerPhase): string {
  switch (phase) {
    case 'starting':
      return 'starting';
    case 'running':
      return 'running';
    case 'stopped':
      return 'stopped';
    case 'failed':
      return 'not running (see the Router.Lsp output)';
  }
}

/** Backslash-escapes markdown syntax in text that comes from configuration or the network. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$~]/g, (c) => `\\${c}`);
}

function code(text: string): string {
  return '`' + text.replace(/`/g, "'") + '`';
}
