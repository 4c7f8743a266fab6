import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnBin } from '../helpers/bin.js';
import { corpusFor } from '../helpers/shared.js';

const CORPUS_DIR = corpusFor('validate on real roadmaps (test/e2e/read-real-files.test.ts)');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'roadmap-e2e-read-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const file = (name: string, bytes: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

interface ListJson {
  roadmap: { title: string };
  sections: Array<{ title: string; topics: Array<{ title: string; id: string; checked?: boolean; children: unknown[] }> }>;
}

describe('the built bin reads files as people save them', () => {
  it('BOM, CRLF, lone CR, tabs, decomposed accents and front matter: list shows the roadmap as written', async () => {
    const text = '\uFEFF---\r\ntitle: Café Roadmap\r\n---\r\n## Basics\r\n\r\n- [x] Cafe\u0301s\r- Loops\r\n\t- for\r\n\r\n## Web\r\n\r\n- HTTP\r\n';
    const r = await spawnBin(['list', '--roadmap', file('crlf.md', text), '--json'], { home: dir });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as ListJson;
    expect(doc.roadmap.title).toBe('Café Roadmap');
    expect(doc.sections.map((s) => s.title)).toEqual(['Basics', 'Web']);
    expect(doc.sections[0]!.topics.map((t) => [t.title, t.checked, t.children.length])).toEqual([['Cafés', true, 0], ['Loops', undefined, 1]]);
    expect(doc.sections[0]!.topics[0]!.id).toBe('basics/cafés');
  });

  it('double-encoded UTF-8 is repaired, with a warning on stderr, and data on stdout only', async () => {
    const damaged = '# Go\n\nHereâ€™s the plan.\n\n## Web\n\n- HTTP â€” status codes\n\n## Data\n\n- SQL\n';
    const r = await spawnBin(['list', '--roadmap', file('mojibake.md', damaged)], { home: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('HTTP — status codes');
    expect(r.stdout).not.toContain('â€');
    expect(r.stderr).toMatch(/warning: .*mojibake\.md: repaired text damaged by a wrong encoding/);
  });

  it.each([
    ['UTF-16 LE with BOM', 'utf16.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Go\n\n- a\n', 'utf16le')]), 'is UTF-16 text, not UTF-8'],
    ['UTF-16 LE without BOM', 'utf16-nobom.md', Buffer.from('# Go\n\n- a\n- b\n', 'utf16le'), 'looks like UTF-16 text (little-endian, no byte-order mark)'],
    ['Latin-1', 'latin1.md', Buffer.from('# Café\n\n- crème\n', 'latin1'), 'is not UTF-8 text (invalid byte 0xe9 at offset 5)'],
    ['binary', 'logo.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'looks like a binary file'],
  ])('%s is refused: exit 1, the file named and what is wrong, no replacement characters', async (_kind, name, bytes, message) => {
    const path = file(name, bytes);
    for (const args of [['list', '--roadmap', path], ['validate', path]]) {
      const r = await spawnBin(args, { home: dir });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`error: ${path} ${message}`);
      expect(r.stderr).toMatch(/iconv|Markdown/);
      expect(r.stderr).not.toContain('\uFFFD');
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    }
  });

  it.skipIf(!CORPUS_DIR)('validate: a large real roadmap exits 0 with its counts; a pictures-only one exits 1 (skipped without the shared corpus)', async () => {
    const corpus = CORPUS_DIR ?? '';
    const ok = await spawnBin(['validate', join(corpus, 'jwasham__coding-interview-university__README.md'), '--json'], { home: dir });
    expect(ok.code).toBe(0);
    // Counted as list counts them: topics without subtopics, and the groups of subtopics apart.
    expect(JSON.parse(ok.stdout)).toMatchObject({ usable: true, title: 'Coding Interview University', counts: { sections: 32, topics: 420, groups: 43 } });
    const pictures = await spawnBin(['validate', join(corpus, 'AMAI-GmbH__AI-Expert-Roadmap__readme.md')], { home: dir });
    expect(pictures.code).toBe(1);
    expect(pictures.stdout).toContain('not a usable roadmap: 7 sections, 0 topics');
    expect(pictures.stderr).toContain('is not a usable roadmap: no topics');
  });

  it('validate - reads a roadmap piped on standard input', async () => {
    const r = await spawnBin(['validate', '-'], { home: dir, stdin: '# Piped\n\n## A\n\n- a\n\n## B\n\n- b\n' });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['Piped', 'usable roadmap: 2 sections, 2 topics, 0 warnings']);
  });
});
