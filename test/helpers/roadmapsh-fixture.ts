import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A topic of the made-up fixture roadmap: its node, where it is drawn, its content file. */
interface FixtureNode {
  id: string;
  type: 'topic' | 'subtopic' | 'label' | 'title' | 'vertical';
  label: string;
  x: number;
  y: number;
  text?: string;
}

const link = (type: string, title: string, url: string): string => `- [@${type}@${title}](${url})`;
const page = (title: string, about: string, links: string[]): string =>
  [`# ${title}`, '', about, '', 'Visit the following resources to learn more:', '', ...links, ''].join('\n');

/**
 * A small roadmap in roadmap.sh's current layout (NAME/NAME.json + NAME/content/slug@id.md), written for the tests:
 * three topics on the main path drawn out of file order, subtopics joined by edges or only placed beside a topic,
 * and drawing nodes that are not topics. Returns the folder.
 */
export function writeGraphFixture(root: string, name = 'tea-brewing'): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'content'), { recursive: true });
  const nodes: FixtureNode[] = [
    // Listed out of order on purpose: the path is read from the drawing and the edges, not the file order.
    { id: 'T3aaaaaaaaaaaaaaaaaaa', type: 'topic', label: 'Serving', x: 500, y: 900, text: page('Serving', 'Pour and share the tea while it is hot.', [link('article', 'Serving guide', 'https://example.org/serving')]) },
    { id: 'T1aaaaaaaaaaaaaaaaaaa', type: 'topic', label: 'Water', x: 500, y: 100, text: page('Water', 'Soft water gives the clearest taste.', [link('official', 'Water basics', 'https://example.org/water'), link('video', 'Boiling points', 'https://example.org/boil')]) },
    { id: 'T2aaaaaaaaaaaaaaaaaaa', type: 'topic', label: 'Leaves', x: 500, y: 500, text: page('Leaves', 'Whole leaves unfold slowly.', []) },
    { id: 'S1aaaaaaaaaaaaaaaaaaa', type: 'subtopic', label: 'Temperature', x: 200, y: 60, text: page('Temperature', 'Green tea wants cooler water than black tea.', [link('article', 'A temperature chart', 'https://example.org/temp')]) },
    { id: 'S2aaaaaaaaaaaaaaaaaaa', type: 'subtopic', label: 'Filtering', x: 200, y: 140 },
    { id: 'S3aaaaaaaaaaaaaaaaaaa', type: 'subtopic', label: 'Green & White', x: 800, y: 520, text: page('Green & White', 'Delicate leaves; short steeps.', []) },
    { id: 'S4aaaaaaaaaaaaaaaaaaa', type: 'subtopic', label: 'Black', x: 800, y: 460, text: page('Black', 'Strong leaves; longer steeps.', [link('article', 'Black tea', 'https://example.org/black')]) },
    { id: 'L1aaaaaaaaaaaaaaaaaaa', type: 'label', label: 'Drawn text, not a topic', x: 100, y: 300 },
    { id: 'V1aaaaaaaaaaaaaaaaaaa', type: 'vertical', label: 'vertical node', x: 510, y: 150 },
    { id: 'TTaaaaaaaaaaaaaaaaaaa', type: 'title', label: 'Tea Brewing', x: 480, y: 0 },
  ];
  const edges = [
    ['T1aaaaaaaaaaaaaaaaaaa', 'T2aaaaaaaaaaaaaaaaaaa'],
    ['T2aaaaaaaaaaaaaaaaaaa', 'T3aaaaaaaaaaaaaaaaaaa'],
    ['T1aaaaaaaaaaaaaaaaaaa', 'S1aaaaaaaaaaaaaaaaaaa'],
    ['S1aaaaaaaaaaaaaaaaaaa', 'S2aaaaaaaaaaaaaaaaaaa'],
    // S3 and S4 have no edge: they belong to the nearest topic, Leaves.
  ];
  const doc = {
    nodes: nodes.map((n) => ({ id: n.id, type: n.type, position: { x: n.x, y: n.y }, data: { label: n.label, style: { fontSize: 17 } }, width: 200, height: 49 })),
    edges: edges.map(([source, target], i) => ({ id: `e${i}`, source, target, sourceHandle: 'x2', targetHandle: 'w1', data: { edgeStyle: 'solid' } })),
  };
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(doc, null, 2));
  writeFileSync(join(dir, `${name}.md`), ['---', `title: 'Tea Brewing Roadmap'`, `description: 'Made up for the tests'`, 'order: 1', '---', ''].join('\n'));
  for (const n of nodes) if (n.text) writeFileSync(join(dir, 'content', `${n.label.toLowerCase().replace(/\W+/g, '-')}@${n.id}.md`), n.text);
  return dir;
}

/** The same kind of roadmap in roadmap.sh's older layout: content/NNN-group/NNN-topic.md with an index.md per group. */
export function writeFoldersFixture(root: string, name = 'bread'): string {
  const dir = join(root, name);
  const content = join(dir, 'content');
  const write = (path: string, text: string): void => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  };
  write(join(content, '101-shaping', 'index.md'), page('Shaping', 'Give the dough its form.', [link('article', 'Shaping basics', 'https://example.org/shaping')]));
  write(join(content, '101-shaping', '101-boules.md'), page('Boules', 'Round loaves.', []));
  write(join(content, '101-shaping', '100-folding.md'), page('Folding', 'Build tension by folding.', [link('video', 'Folding video', 'https://example.org/fold')]));
  write(join(content, '100-dough', 'index.md'), page('Dough', 'Flour, water, salt, yeast.', []));
  write(join(content, '100-dough', '100-flour.md'), page('Flour', 'Protein makes gluten.', [link('article', 'About flour', 'https://example.org/flour')]));
  write(join(content, '102-baking.md'), page('Baking', 'A hot oven and steam.', []));
  return dir;
}
