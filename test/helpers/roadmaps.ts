import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
