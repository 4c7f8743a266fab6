import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, tempHome } from '../helpers/io.js';

let home: { dir: string; cleanup: () => void };
beforeEach(() => {
  home = tempHome();
});
afterEach(() => {
  home.cleanup();
});

const file = (name: string, text: string): string => {
  const path = join(home.dir, name);
  writeFileSync(path, text);
  return path;
};

/** Week plans: h2 parts, h3 weeks over day bullets; the rules read the parts as sections and the weeks as topics. */
const PLAN = [
  '# Plan',
  '## Part 1',
  '### Week 1',
  '- [ ] Day 1: variables',
  '- [ ] Day 2: loops',
  '### Week 2',
  '- [ ] Day 3: functions',
  '## Part 2',
  '### Week 3',
  '- [ ] Day 4: modules',
  '',
].join('\n');

interface ListJson {
  progress: { total: number };
  sections: Array<{ title: string; progress: { total: number }; topics: Array<{ title: string; children: unknown[] }> }>;
}

describe('--sections and --topics say how a roadmap is built', () => {
  it('list reads the sections and topics the flags name', async () => {
    const path = file('plan.md', PLAN);
    const inferred = JSON.parse((await run(['list', '--roadmap', path, '--json'], { home: home.dir })).stdout) as ListJson;
    expect(inferred.sections.map((s) => s.title)).toEqual(['Part 1', 'Part 2']);
    const r = await run(['list', '--roadmap', path, '--sections', 'h3', '--topics', 'tasks', '--json'], { home: home.dir });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as ListJson;
    expect(doc.sections.map((s) => [s.title, s.topics.map((t) => t.title)])).toEqual([
      ['Week 1', ['variables', 'loops']],
      ['Week 2', ['functions']],
      ['Week 3', ['modules']],
    ]);
  });

  it('next and done follow the same reading', async () => {
    const path = file('plan.md', PLAN);
    const flags = ['--roadmap', path, '--sections', 'h3', '--topics', 'tasks'];
    expect((await run(['done', '1.1', ...flags], { home: home.dir })).code).toBe(0);
    const next = await run(['next', ...flags], { home: home.dir });
    expect(next.stdout).toContain('1.2  loops');
    expect(next.stdout).toContain('section 1 "Week 1", topic 2 of 2');
  });

  it('an unknown source is a usage error (exit 2) that lists the allowed ones', async () => {
    const r = await run(['list', '--roadmap', file('plan.md', PLAN), '--sections', 'h9'], { home: home.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--sections must be one of h1, h2, h3, h4, list, table, details, got "h9"');
  });
});

describe('validate --explain', () => {
  it('prints why the reading was chosen and the readings considered, with counts and scores', async () => {
    const r = await run(['validate', file('plan.md', PLAN), '--explain'], { home: home.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('How it was read');
    expect(r.stdout).toMatch(/by the rules: inferred \(no flags\)/);
    expect(r.stdout).toMatch(/sections are the level-2 headings/);
    expect(r.stdout).toMatch(/ {2}\d+\.\d\d +2 +4 +3 {2}inferred \(no flags\) {3}<- chosen/);
    expect(r.stdout).toMatch(/ {2}\d+\.\d\d +3 +4 +0 {2}--sections h3 --topics tasks\n/);
  });

  it('--json carries the same report', async () => {
    const r = await run(['validate', file('plan.md', PLAN), '--explain', '--json'], { home: home.dir });
    const doc = JSON.parse(r.stdout) as { structure: { chosen: { by: string }; candidates: Array<{ sections: string; topics: string; counts: { sections: number }; score: number; chosen: boolean }> } };
    expect(doc.structure.chosen.by).toBe('rules');
    expect(doc.structure.candidates.filter((c) => c.chosen)).toHaveLength(1);
    expect(doc.structure.candidates.find((c) => c.sections === 'h3' && c.topics === 'tasks')?.counts.sections).toBe(3);
  });
});

describe('never refusing a real outline', () => {
  it('headings over prose only: read with a fallback and a warning, not refused', async () => {
    const path = file('notes.md', ['# Notes', '## Closures', 'A closure keeps the variables of the scope it was made in.', '## Generics', 'Generic code works for many types.', ''].join('\n'));
    const v = await run(['validate', path], { home: home.dir });
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toContain('structure-fallback');
    const list = JSON.parse((await run(['list', '--roadmap', path, '--json'], { home: home.dir })).stdout) as ListJson;
    expect(list.sections.flatMap((s) => s.topics.map((t) => t.title))).toEqual(['Closures', 'Generics']);
  });

  it('pictures only: list and next exit 1 and point to validate', async () => {
    const path = file('pictures.md', ['# Pictures', '## One', '![chart](one.png)', '## Two', '![chart](two.png)', ''].join('\n'));
    for (const cmd of ['list', 'next']) {
      const r = await run([cmd, '--roadmap', path], { home: home.dir });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('pictures.md has no topics to study (2 sections, 0 topics)');
      expect(r.stderr).toContain('roadmap validate');
      expect(r.stderr).toContain('--explain');
    }
  });
});

describe('one counting rule', () => {
  it('list, next, info, validate and stats count the same topics: those without subtopics', async () => {
    const path = file('nested.md', ['# N', '## A', '- Parent', '  - one', '  - two', '- three', '## B', '- four', ''].join('\n'));
    const list = JSON.parse((await run(['list', '--roadmap', path, '--json'], { home: home.dir })).stdout) as ListJson;
    const info = JSON.parse((await run(['info', '--roadmap', path, '--json'], { home: home.dir })).stdout) as { counts: { topics: number; groups: number } };
    const valid = JSON.parse((await run(['validate', path, '--json'], { home: home.dir })).stdout) as { counts: { topics: number; groups: number }; sections: Array<{ topics: number }> };
    const stats = JSON.parse((await run(['stats', '--roadmap', path, '--json'], { home: home.dir })).stdout) as { progress: { total: number } };
    const next = JSON.parse((await run(['next', '--roadmap', path, '--json'], { home: home.dir })).stdout) as Array<{ position: { index: number; of: number } }>;
    expect([list.progress.total, info.counts.topics, valid.counts.topics, stats.progress.total]).toEqual([4, 4, 4, 4]);
    expect([info.counts.groups, valid.counts.groups]).toEqual([1, 1]);
    expect(valid.sections.map((s) => s.topics)).toEqual(list.sections.map((s) => s.progress.total));
    expect(next[0]?.position).toEqual({ index: 1, of: list.sections[0]?.progress.total });
  });
});
