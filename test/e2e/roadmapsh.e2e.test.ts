import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnBin } from '../helpers/bin.js';
import { tempHome } from '../helpers/io.js';
import { writeFoldersFixture, writeGraphFixture } from '../helpers/roadmapsh-fixture.js';

interface TopicDoc {
  title: string;
  description?: string;
  links: Array<{ title: string; url: string }>;
}
interface ListDoc {
  roadmap: { title: string; source: string };
  sections: Array<{ title: string; topics: TopicDoc[] }>;
}

let home: ReturnType<typeof tempHome>;
let files: ReturnType<typeof tempHome>;
beforeEach(() => {
  home = tempHome();
  files = tempHome();
});
afterEach(() => {
  home.cleanup();
  files.cleanup();
});

/** Adds a folder and returns the sections as `title: topic (links), …`, and every topic with its description. */
async function addAndRead(dir: string): Promise<{ added: string; doc: ListDoc; outline: string[]; topics: Map<string, TopicDoc> }> {
  const added = await spawnBin(['add', dir], { home: home.dir });
  expect(added.stderr).toContain('It is your current roadmap');
  expect(added.code).toBe(0);
  const list = await spawnBin(['list', '--json'], { home: home.dir });
  const doc = JSON.parse(list.stdout) as ListDoc;
  const outline = doc.sections.map((s) => `${s.title}: ${s.topics.map((t) => `${t.title} (${t.links.length})`).join(', ')}`);
  const topics = new Map<string, TopicDoc>();
  for (const n of doc.sections.flatMap((s, i) => s.topics.map((_t, j) => `${i + 1}.${j + 1}`))) {
    const show = JSON.parse((await spawnBin(['show', n, '--json'], { home: home.dir })).stdout) as TopicDoc;
    topics.set(show.title, show);
  }
  return { added: added.stdout, doc, outline, topics };
}

describe('roadmap add DIR: a roadmap.sh roadmap folder', () => {
  it('current layout (NAME.json + content/slug@id.md): sections in graph order, descriptions and links from the content files', async () => {
    const dir = writeGraphFixture(files.dir);
    const r = await addAndRead(dir);
    expect(r.added).toBe(`Added "Tea Brewing Roadmap" as tea-brewing (3 sections, 7 topics) from ${dir}.\n`);
    // Water, Leaves and Serving are listed out of order in the JSON; Temperature is joined by an edge, Filtering
    // through Temperature, Black and Green only sit beside Leaves (Black is drawn higher, so it comes first).
    expect(r.outline).toEqual([
      'Water: Water (2), Temperature (1), Filtering (0)',
      'Leaves: Leaves (0), Black (1), Green & White (0)',
      'Serving: Serving (1)',
    ]);
    expect(r.topics.get('Water')).toMatchObject({
      description: 'Soft water gives the clearest taste.',
      links: [
        { title: 'Water basics', url: 'https://example.org/water' },
        { title: 'Boiling points', url: 'https://example.org/boil' },
      ],
    });
    expect(r.topics.get('Green & White')?.description).toBe('Delicate leaves; short steeps.');
    expect(r.topics.get('Filtering')?.description).toBeUndefined();
    expect(r.doc.roadmap.source).toBe(dir);
  });

  it('older layout (content/NNN-group/NNN-topic.md, index.md per group): numbered order, the group first', async () => {
    const dir = writeFoldersFixture(files.dir);
    const r = await addAndRead(dir);
    expect(r.outline).toEqual(['Dough: Dough (0), Flour (1)', 'Shaping: Shaping (1), Folding (1), Boules (0)', 'Baking: Baking (0)']);
    expect(r.topics.get('Folding')).toMatchObject({ description: 'Build tension by folding.', links: [{ title: 'Folding video', url: 'https://example.org/fold' }] });
  });

  it('a folder in neither layout is refused with what to give instead', async () => {
    const r = await spawnBin(['add', files.dir], { home: home.dir });
    expect(r.stderr).toContain('is a folder, not a Markdown file or a roadmap.sh roadmap folder');
    expect(r.code).toBe(1);
  });
});
