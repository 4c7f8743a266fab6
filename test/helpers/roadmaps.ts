import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { tempHome } from './io.js';

/** Writes a roadmap of `sections` x `perSection` plain topics into `dir` and returns its path. */
export function writeGridRoadmap(dir: string, sections: number, perSection: number): string {
  const lines = ['# Generated roadmap', ''];
  for (let s = 1; s <= sections; s++) {
    lines.push(`## Section ${s}`, '');
    for (let t = 1; t <= perSection; t++) lines.push(`- Topic ${s}.${t}`);
    lines.push('');
  }
  const path = join(dir, 'grid.md');
  writeFileSync(path, lines.join('\n'));
  return path;
}

/** Parses `list --json` output into its progress numbers. */
export function progressOf(stdout: string): { done: number; total: number } {
  return (JSON.parse(stdout) as { progress: { done: number; total: number } }).progress;
}

export interface GridFixture {
  /** The test's ROADMAP_HOME. */
  readonly home: { readonly dir: string };
  /** The folder holding the generated roadmap. */
  readonly files: { readonly dir: string };
  /** Path of the generated roadmap file. */
  readonly roadmap: string;
}

/** Per test: a temp ROADMAP_HOME and a generated grid roadmap in a second temp folder, both removed afterwards. */
export function useGridRoadmap(sections: number, perSection: number): GridFixture {
  let home: { dir: string; cleanup: () => void } | undefined;
  let files: { dir: string; cleanup: () => void } | undefined;
  let roadmap = '';
  beforeEach(() => {
    home = tempHome();
    const folder = tempHome();
    files = folder;
    roadmap = writeGridRoadmap(folder.dir, sections, perSection);
  });
  afterEach(() => {
    home?.cleanup();
    files?.cleanup();
  });
  const dirOf = (t: { dir: string } | undefined): string => {
    if (!t) throw new Error('useGridRoadmap: used outside a test');
    return t.dir;
  };
  return {
    home: { get dir() { return dirOf(home); } },
    files: { get dir() { return dirOf(files); } },
    get roadmap() { return roadmap; },
  };
}
