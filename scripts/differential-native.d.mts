// Types for differential-native.mjs, which stays plain JavaScript so the update script runs without a build.

export interface DifferentialProgram {
  name: string;
  path: string;
  source: string;
  /** argv, argv[0] included. */
  argv: string[];
}

export interface NativeResult {
  stdout: Buffer;
  stderr: Buffer;
  /** Exit status, or 128 + signal number when a signal killed the program. */
  status: number;
}

export const programsDir: string;
export const expectedDir: string;
export function listPrograms(dir?: string): DifferentialProgram[];
export function hasCC(): boolean;
export function compileNative(sourcePath: string, exePath: string): Promise<void>;
export function runNative(exePath: string, argv: string[]): Promise<NativeResult>;
export function mapConcurrent<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]>;
