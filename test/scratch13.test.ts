import { test } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeGraphFixture, writeFoldersFixture } from './helpers/roadmapsh-fixture.js';
import { readRoadmapShFolder } from '../src/source/roadmapsh.js';
import { parseRoadmap } from '../src/core/parse/parse.js';
test('x', () => {
  const root = mkdtempSync(join(tmpdir(), 'sh-'));
  for (const d of [writeGraphFixture(root), writeFoldersFixture(root)]) {
    const r = readRoadmapShFolder(d);
    console.log(r.markdown);
    const t = parseRoadmap(r.markdown);
    console.log(JSON.stringify({title: t.title, warnings: t.warnings, sections: t.sections.map(s => ({id: s.id, title: s.title, links: s.links.length, topics: s.topics.map(x => ({id: x.id, d: x.description, l: x.links.length, c: x.children.map(c=>c.title)}))}))}, null, 1));
  }
});
