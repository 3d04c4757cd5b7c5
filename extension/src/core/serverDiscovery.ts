// Finding the `router` server the way rust-analyzer's extension finds its server: the user's
// setting, else the server bundled in the extension, else `router` on PATH, else a build in the
// workspace (development). Each candidate is asked `--version` before it is used.
import * as path from 'node:path';

export type CandidateSource = 'setting' | 'bundled' | 'PATH' | 'build';

/** One way to start the server: a command with the arguments that come before `lsp`. */
export interface ServerCandidate {
  source: CandidateSource;
  command: string;
  args: string[];
  /** The file this candidate runs (the executable or the dll), for messages. */
  location: string;
  /** Why this candidate cannot run here, known without starting it (then it is not probed). */
  unusable?: string;
}

/** What discovery looks at; a test seam over the file system and process environment. */
export interface DiscoveryInputs {
  /** router.server.path, already resolved to an absolute path; null when unset. */
  settingPath: string | null;
  extensionPath: string;
  workspaceFolders: readonly string[];
  platform: NodeJS.Platform;
  pathVariable: string | undefined;
  isFile: (file: string) => boolean;
  /** The executable format of a file, read from its first bytes (see executableFormat). */
  formatOf: (file: string) => ExecutableFormat;
}

/** What the first bytes of a file say it is. */
export type ExecutableFormat = 'elf' | 'mach-o' | 'pe' | 'unknown';

/** The format each platform runs natively; a bundled server of another format is never started. */
const nativeFormat: Partial<Record<NodeJS.Platform, ExecutableFormat>> = { linux: 'elf', darwin: 'mach-o', win32: 'pe' };

/** ELF, Mach-O (thin 64/32-bit either byte order, or universal) or PE ("MZ"), from a file's first four bytes. */
export function executableFormat(head: Uint8Array): ExecutableFormat {
  const hex = Buffer.from(head.subarray(0, 4)).toString('hex');
  if (hex === '7f454c46') {
    return 'elf';
  }
  if (['feedfacf', 'cffaedfe', 'feedface', 'cefaedfe', 'cafebabe'].includes(hex)) {
    return 'mach-o';
  }
  return hex.startsWith('4d5a') ? 'pe' : 'unknown';
}

/** Answer of `<candidate> --version`. */
export type ProbeResult = { ok: true; version: string } | { ok: false; error: string };

export interface Attempt {
  candidate: ServerCandidate;
  result: ProbeResult;
}

export interface FoundServer extends ServerCandidate {
  version: string;
}

export interface Discovery {
  server: FoundServer | null;
  attempts: Attempt[];
  /** Whether the user's setting chose the candidate (then nothing else is tried). */
  explicit: boolean;
}

const buildConfigurations = ['release', 'debug'];

/** The candidates in the order they are tried; only existing files are listed. */
export function serverCandidates(inputs: DiscoveryInputs): ServerCandidate[] {
  const p = inputs.platform === 'win32' ? path.win32 : path.posix;
  if (inputs.settingPath) {
    // An explicit setting is used even when the file is missing: the error then names the setting.
    return [fromFile('setting', inputs.settingPath)];
  }
  const candidates: ServerCandidate[] = [];
  const exe = inputs.platform === 'win32' ? 'router.exe' : 'router';
  const bundled = p.join(inputs.extensionPath, 'server');
  const bundledExe = p.join(bundled, exe);
  if (inputs.isFile(bundledExe)) {
    candidates.push(checkFormat(fromFile('bundled', bundledExe), inputs));
  }
  const bundledDll = p.join(bundled, 'router.dll');
  if (inputs.isFile(bundledDll)) {
    candidates.push(fromFile('bundled', bundledDll));
  }
  const onPath = findOnPath(exe, inputs.pathVariable, inputs.platform, inputs.isFile);
  if (onPath) {
    candidates.push(fromFile('PATH', onPath));
  }
  // A development checkout: the extension runs from <repo>/extension, or the repo is the workspace.
  const roots = [...inputs.workspaceFolders, p.dirname(inputs.extensionPath)];
  const seen = new Set<string>();
  for (const root of roots) {
    for (const configuration of buildConfigurations) {
      const dll = p.join(root, 'artifacts', 'bin', 'Router.Cli', configuration, 'router.dll');
      if (!seen.has(dll) && inputs.isFile(dll)) {
        seen.add(dll);
        candidates.push(fromFile('build', dll));
      }
    }
  }
  return candidates;
}

/** Marks a bundled executable built for another platform (a .vsix installed on the wrong one) as unusable. */
function checkFormat(candidate: ServerCandidate, inputs: DiscoveryInputs): ServerCandidate {
  const wanted = nativeFormat[inputs.platform];
  const found = inputs.formatOf(candidate.location);
  if (wanted === undefined || found === wanted) {
    return candidate;
  }
  const what = found === 'unknown' ? 'not an executable' : `a ${formatNames[found]} executable`;
  return { ...candidate, unusable: `${what}, not one for ${inputs.platform}: install the .vsix built for this platform, or the universal one` };
}

const formatNames: Record<ExecutableFormat, string> = { elf: 'Linux (ELF)', 'mach-o': 'macOS (Mach-O)', pe: 'Windows (PE)', unknown: 'unknown' };

/** A dll runs with `dotnet`; anything else is run directly. */
export function fromFile(source: CandidateSource, file: string): ServerCandidate {
  return file.toLowerCase().endsWith('.dll')
    ? { source, command: 'dotnet', args: [file], location: file }
    : { source, command: file, args: [], location: file };
}

/** The first directory on PATH holding `exe`, or null. */
export function findOnPath(exe: string, pathVariable: string | undefined, platform: NodeJS.Platform, isFile: (file: string) => boolean): string | null {
  if (!pathVariable) {
    return null;
  }
  const p = platform === 'win32' ? path.win32 : path.posix;
  const separator = platform === 'win32' ? ';' : ':';
  for (const dir of pathVariable.split(separator)) {
    if (dir === '') {
      continue;
    }
    const file = p.join(dir, exe);
    if (isFile(file)) {
      return file;
    }
  }
  return null;
}

/** Tries the candidates in order and returns the first one whose `--version` answers. */
export async function discoverServer(inputs: DiscoveryInputs, probe: (candidate: ServerCandidate) => Promise<ProbeResult>): Promise<Discovery> {
  const attempts: Attempt[] = [];
  for (const candidate of serverCandidates(inputs)) {
    const result: ProbeResult = candidate.unusable ? { ok: false, error: candidate.unusable } : await probe(candidate);
    attempts.push({ candidate, result });
    if (result.ok) {
      return { server: { ...candidate, version: result.version }, attempts, explicit: inputs.settingPath !== null };
    }
  }
  return { server: null, attempts, explicit: inputs.settingPath !== null };
}

/** The version from `router --version` output: first non-empty line, without the +commit suffix. */
export function parseVersion(stdout: string): string | null {
  const line = stdout.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '');
  if (!line) {
    return null;
  }
  const version = line.split('+')[0]!.trim();
  return /^\d+\.\d+/.test(version) ? version : null;
}

/** The one-line error shown to the user when no server could be started. */
export function discoveryFailureMessage(discovery: Discovery): string {
  if (discovery.explicit) {
    const attempt = discovery.attempts[0];
    const why = attempt && !attempt.result.ok ? attempt.result.error : 'it did not answer';
    return `Router: the server set in router.server.path cannot be started (${why}). Fix the path or clear the setting.`;
  }
  if (discovery.attempts.length === 0) {
    return 'Router: no server found: the extension has no bundled server, `router` is not on PATH, and no build is in the workspace. Install `router` or set router.server.path.';
  }
  const tried = discovery.attempts
    .map((a) => `${describe(a.candidate)}: ${a.result.ok ? 'ok' : a.result.error}`)
    .join('; ');
  const needsDotnet = discovery.attempts.some((a) => a.candidate.command === 'dotnet' && !a.result.ok);
  const fix = needsDotnet
    ? 'This server needs the .NET 10 runtime (https://dotnet.microsoft.com/download/dotnet/10.0): install it, or install the .vsix built for this platform, which needs no .NET, or set router.server.path.'
    : 'Install `router` or set router.server.path.';
  return `Router: no working server found (tried ${tried}). ${fix}`;
}

/** How a candidate is named in messages and the log, e.g. "bundled server/router.dll (dotnet)". */
export function describe(candidate: ServerCandidate): string {
  const runner = candidate.command === 'dotnet' ? ' (dotnet)' : '';
  return `${candidate.source} ${candidate.location}${runner}`;
}
