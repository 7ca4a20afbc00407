// Compiler messages, printed the way gcc prints them:
//   file:line:col: error: message
//    source line
//         ^
import type { SourcePos } from './token';

export type Severity = 'error' | 'warning' | 'note';

export interface Diagnostic extends SourcePos {
  severity: Severity;
  message: string;
}

export function diagnostic(severity: Severity, pos: SourcePos, message: string): Diagnostic {
  return { severity, file: pos.file, line: pos.line, col: pos.col, message };
}

/** Thrown by a compiler phase that cannot go on; callers turn it into a Diagnostic. */
export class CompileError extends Error {
  constructor(readonly pos: SourcePos, message: string) {
    super(message);
  }
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}

/**
 * Renders diagnostics like gcc: the location line, then the source line and a caret under the column.
 * `sources` maps a file name to its text; a file it lacks gets the location line alone.
 */
export function formatDiagnostics(diags: readonly Diagnostic[], sources: ReadonlyMap<string, string>): string {
  let out = '';
  for (const d of diags) {
    out += `${d.file}:${d.line}:${d.col}: ${d.severity}: ${d.message}\n`;
    const text = sources.get(d.file);
    if (text === undefined) continue;
    const line = text.split('\n')[d.line - 1];
    if (line === undefined) continue;
    const src = line.replace(/\r$/, '');
    // gcc prints the line number gutter too: " 12 |   code"
    const gutter = String(d.line).padStart(5);
    out += `${gutter} | ${src}\n`;
    const pad = src.slice(0, Math.max(0, d.col - 1)).replace(/[^\t]/g, ' ');
    out += `${' '.repeat(gutter.length)} | ${pad}^\n`;
  }
  return out;
}
