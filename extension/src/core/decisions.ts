// "Why this model?": the server's last routing decisions as quick pick items and as a document.
import type { Decision } from './protocol';
import { escapeMarkdown, routeTarget } from './status';

export interface DecisionItem {
  label: string;
  description: string;
  detail: string;
  id: string;
}

/** One quick pick row per decision: "explain → quick · qwen2.5:3b@local", latency, the reasons. */
export function decisionItems(decisions: readonly Decision[]): DecisionItem[] {
  return decisions.map((d) => ({
    id: d.id,
    label: `${d.kind} → ${d.tier} · ${routeTarget(d.model, d.endpoint || null)}`,
    description: `${Math.round(d.latencyMs)} ms${d.escalation ? ' · escalated' : ''}`,
    detail: d.reasons.join('; ') || 'no reasons recorded',
  }));
}

/** All decisions as markdown, newest first, each with reasons, fallbacks and escalation. */
export function decisionsMarkdown(decisions: readonly Decision[]): string {
  if (decisions.length === 0) {
    return '# Why this model?\n\nNo request has been routed yet in this session.\n';
  }
  const parts = ['# Why this model?', ''];
  for (const d of decisions) {
    parts.push(`## ${escapeMarkdown(d.kind)} → ${escapeMarkdown(d.tier)}`, '');
    parts.push(`- Model: \`${d.model}\` on ${escapeMarkdown(d.endpoint || 'unknown endpoint')}`);
    parts.push(`- Latency: ${Math.round(d.latencyMs)} ms`);
    parts.push(`- Request: ${escapeMarkdown(d.id)}`);
    if (d.fallbacks.length > 0) {
      parts.push(`- Fallbacks: ${d.fallbacks.map(escapeMarkdown).join(', ')}`);
    }
    if (d.escalation) {
      parts.push(`- Escalation: ${escapeMarkdown(d.escalation)}`);
    }
    parts.push('', 'Reasons:', '');
    parts.push(...(d.reasons.length > 0 ? d.reasons.map((r) => `1. ${escapeMarkdown(r)}`) : ['- none recorded']));
    parts.push('');
  }
  return parts.join('\n');
}

/** True when a value has the shape of a router.whyThisModel result (the server is another program). */
export function isDecisionList(value: unknown): value is { decisions: Decision[] } {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { decisions?: unknown }).decisions)) {
    return false;
  }
  return (value as { decisions: unknown[] }).decisions.every(
    (d) => typeof d === 'object' && d !== null && typeof (d as Decision).tier === 'string' && typeof (d as Decision).model === 'string'
      && Array.isArray((d as Decision).reasons) && Array.isArray((d as Decision).fallbacks),
  );
}
