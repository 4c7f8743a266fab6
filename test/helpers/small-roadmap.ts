import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMALL_MD } from '../core/fixture.js';
import { run, tempHome, type RunOptions, type RunResult } from './io.js';

export interface SmallRoadmap {
  home: string;
  /** The roadmap file, in the temp home. */
  file: string;
  /** Runs the CLI in-process on the small roadmap. */
  rm(args: string[], extra?: Partial<RunOptions>): Promise<RunResult>;
  /** `list --json` flattened to number -> status. */
  statuses(): Promise<Record<string, string>>;
  cleanup(): void;
}

/**
 * A fresh ROADMAP_HOME holding the small test roadmap (test/core/fixture.ts) as a file; `shared` uses another
 * home's file instead, so two homes track the same roadmap (same id) as two machines would.
 */
export function smallRoadmap(markdown = SMALL_MD, shared?: string): SmallRoadmap {
  const { dir, cleanup } = tempHome();
  const file = shared ?? join(dir, 'small.md');
  if (!shared) writeFileSync(file, markdown);
  const rm = (args: string[], extra: Partial<RunOptions> = {}): Promise<RunResult> => run([...args, '--roadmap', file], { home: dir, ...extra });
  const statuses = async (): Promise<Record<string, string>> => {
    type T = { number: string; status: string; children: T[] };
    const out = JSON.parse((await rm(['list', '--json'])).stdout) as { sections: Array<{ topics: T[] }> };
    const flat: Record<string, string> = {};
    const visit = (t: T): void => {
      flat[t.number] = t.status;
      t.children.forEach(visit);
    };
    for (const s of out.sections) s.topics.forEach(visit);
    return flat;
  };
  return { home: dir, file, rm, statuses, cleanup };
}
