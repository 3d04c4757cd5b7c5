// The wire contract between this extension and `router lsp` beyond standard LSP (docs/protocol.md).
// Types only: no vscode import, so every module that uses them stays testable under plain node.

/** Server commands, sent as workspace/executeCommand with one argument object. */
export const ServerCommand = {
  explain: 'router.explain',
  refactor: 'router.refactor',
  ask: 'router.ask',
  whyThisModel: 'router.whyThisModel',
  doctor: 'router.doctor',
  configShow: 'router.configShow',
  usageReport: 'router.usageReport',
} as const;

/** Server-to-client notifications. */
export const ServerNotification = {
  status: 'router/status',
  answer: 'router/answer',
  completionTrace: 'router/completionTrace',
} as const;

/** An LSP position: zero-based line, UTF-16 character offset. */
export interface WirePosition {
  line: number;
  character: number;
}

/** An LSP range. */
export interface WireRange {
  start: WirePosition;
  end: WirePosition;
}

/** Argument of router.explain. */
export interface ExplainArgs {
  uri: string;
  range: WireRange;
}

/** Argument of router.refactor. */
export interface RefactorArgs {
  uri: string;
  range: WireRange;
  instruction: string;
}

/** Argument of router.ask: the selection is optional context. */
export interface AskArgs {
  prompt: string;
  uri?: string;
  range?: WireRange;
}

/** One routing decision as router.whyThisModel reports it. */
export interface Decision {
  id: string;
  kind: string;
  tier: string;
  model: string;
  endpoint: string;
  reasons: string[];
  latencyMs: number;
  fallbacks: string[];
  escalation?: string | null;
}

/** Result of router.whyThisModel: the last decisions, newest first. */
export interface WhyThisModelResult {
  decisions: Decision[];
}

/** Result of router.doctor. */
export interface DoctorResult {
  text: string;
}

/** One value of the configuration in force and where it came from. */
export interface ConfigValue {
  /** Its path, e.g. "tiers.code.model"; "models.chat" and "completion.enabled" come only from editor settings. */
  key: string;
  value: string;
  /** "router.yaml:12", "default", or "editor setting router.models.chat". */
  origin: string;
}

/** Result of router.configShow: the same object `router config show --json` prints. */
export interface ConfigShowResult {
  source: string;
  values: ConfigValue[];
}

/** A model host as router/status reports it. */
export interface HostStatus {
  name: string;
  healthy: boolean;
  warmModels: string[];
}

export type Severity = 'info' | 'warning' | 'error';

/** Params of router/status. */
export interface StatusParams {
  tier?: string | null;
  model?: string | null;
  endpoint?: string | null;
  hosts: HostStatus[];
  spentTodayUsd: number;
  message?: string | null;
  severity?: Severity | null;
  /** Today's requests per tier from the usage ledger, most first; absent when the server keeps no ledger. */
  todayShares?: TierShare[] | null;
}

/** One tier's share of today's requests (share is a fraction, 0 to 1). */
export interface TierShare {
  tier: string;
  requests: number;
  share: number;
}

/** Result of router.usageReport: the usage report as one self-contained HTML page. */
export interface UsageReportResult {
  html: string;
}

/** Params of router/answer: one streamed chunk of an explanation or answer. */
export interface AnswerParams {
  id: string;
  title: string;
  kind: string;
  /** The text to append (a chunk, not the whole answer so far). */
  markdown: string;
  done: boolean;
  tier: string;
  model: string;
  endpoint: string;
  /** Drop what was shown of this answer first: the host failed mid-answer, or a weak answer is asked again one tier up. */
  reset?: boolean;
}

/** Params of router/completionTrace (sent when initializationOptions.completionTraces is true). */
export interface CompletionTraceParams {
  method: string;
  documentUri: string;
  tier: string;
  model: string;
  endpoint: string;
  outcome: string;
  latencyMs: number;
  prefixTokens: number;
  suffixTokens: number;
  multiLine: boolean;
  completionLength: number;
  timeToFirstChunkMs?: number | null;
  promptTokens?: number | null;
  outputTokens?: number | null;
  error?: string | null;
}
