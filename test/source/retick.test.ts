import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareWriteBack } from '../../src/app/write-back.js';
import { decodeBytes } from '../../src/core/parse/normalize.js';
import { parseRoadmap } from '../../src/core/parse/parse.js';
import { findTaskBoxes, retick, type TaskBox } from '../../src/core/parse/task-boxes.js';
import { allTopics } from '../../src/core/tree.js';
import { work } from '../../src/core/work.js';
import { parseCached } from '../../src/source/parse-cache.js';
import { corpusPath, describeWithSharedData } from '../helpers/shared-data.js';
import { tempDirs } from '../helpers/temp-dirs.js';

/**
 * A file whose task boxes were ticked or unticked (a --write-back `done`, or an editor) is read from the parse cache
 * without parsing: the cached tree with those topics' `checked` changed (src/core/parse/task-boxes.ts, retick). Held
 * here against the only oracle that counts, a fresh parse of the new bytes, on real checklists ticked in many ways.
 */

const temp = tempDirs('roadmap-retick-');
const INPUT = { source: '/roadmaps/mine.md', shown: 'mine.md', fallbackTitle: 'mine' };
const SPACE = 0x20;
const X = 0x78;
const UPPER_X = 0x58;

const fresh = (bytes: Uint8Array): string => JSON.stringify(parseRoadmap(decodeBytes(bytes, 'mine.md'), { fallbackTitle: 'mine' }));

/** What reading `after` gives when the cache holds the tree of `before`: the tree as JSON, and whether it parsed. */
async function readAfter(before: Uint8Array, after: Uint8Array): Promise<{ tree: string; parsed: boolean }> {
  const root = temp();
  await parseCached(root, before, INPUT);
  const parses = work.parses;
  const tree = JSON.stringify(await parseCached(root, after, INPUT));
  return { tree, parsed: work.parses > parses };
}

/** `bytes` with the mark of each box replaced by what `mark` says for it. */
function marked(bytes: Uint8Array, boxes: readonly TaskBox[], mark: (box: TaskBox, i: number) => number): Uint8Array {
  const out = Uint8Array.from(bytes);
  boxes.forEach((b, i) => {
    out[b.offset] = mark(b, i);
  });
  return out;
}

const flipped = (bytes: Uint8Array, b: TaskBox): number => (bytes[b.offset] === SPACE ? X : SPACE);

/** The boxes `done` ticks in this file: the box of each task topic, paired as --write-back pairs them. */
function writeBackBoxes(bytes: Uint8Array): TaskBox[] {
  const tree = parseRoadmap(decodeBytes(bytes, 'mine.md'), { fallbackTitle: 'mine' });
  return [...prepareWriteBack(tree, '/roadmaps/mine.md', bytes).byTopic.values()].sort((a, b) => a.offset - b.offset);
}

/** Ways a learner changes the boxes `done` ticks: each is read without parsing, and as a parse reads it. */
function learnerTicks(bytes: Uint8Array, boxes: readonly TaskBox[]): Array<[string, Uint8Array]> {
  const last = boxes[boxes.length - 1];
  return [
    ['every box ticked', marked(bytes, boxes, () => X)],
    ['every box unticked', marked(bytes, boxes, () => SPACE)],
    ['every other box flipped', marked(bytes, boxes, (b, i) => (i % 2 ? (bytes[b.offset] as number) : flipped(bytes, b)))],
    ['the last box flipped', last ? marked(bytes, [last], (b) => flipped(bytes, b)) : bytes],
    ['ticks written the other way (x and X)', marked(bytes, boxes, (b) => ({ [X]: UPPER_X, [UPPER_X]: X })[bytes[b.offset] as number] ?? SPACE)],
  ];
}

async function expectReadAsParsed(bytes: Uint8Array): Promise<number> {
  const boxes = writeBackBoxes(bytes);
  for (const [how, after] of learnerTicks(bytes, boxes)) {
    if (Buffer.compare(after, bytes) === 0) continue;
    const read = await readAfter(bytes, after);
    expect({ how, parsed: read.parsed, same: read.tree === fresh(after) }).toEqual({ how, parsed: false, same: true });
  }
  // Every box the scan finds, task topic's or not (a box in the overview, a list that is not read as topics): the tree
  // is the parsed one whichever way it is made.
  const all = findTaskBoxes(bytes);
  const after = marked(bytes, all, (b) => flipped(bytes, b));
  expect((await readAfter(bytes, after)).tree === fresh(after)).toBe(true);
  return boxes.length;
}

/** A checklist with what a box can sit in: nesting, quotes, ordered lists, CRLF, a BOM, front matter, code, prose. */
const CHECKLIST = Buffer.from(
  [
    '\uFEFF---',
    'title: Mine',
    '---',
    '# Interview checklist',
    '',
    'Tick them as you go: [ ] means not yet.',
    '',
    '## Algorithms',
    '',
    '- [ ] Sorting  ',
    '- [x] Searching',
    '* [ ] Graphs',
    '    - [ ] BFS',
    '    - [X] DFS',
    '',
    '## Systems',
    '',
    '1. [ ] Caching',
    '2. [X] Queues',
    '> - [ ] Quoted task',
    '',
    '```',
    '- [ ] not a task: in code',
    '```',
    '',
    '## Resources',
    '',
    '- [ ] [A book](https://example.com/book)',
    '',
  ].join('\r\n'),
  'utf8',
);

/** CHECKLIST with the mark of the box on `line` (1-based) replaced by `mark`. */
function markOn(bytes: Uint8Array, line: string, mark: string): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  const at = text.indexOf(line);
  if (at < 0) throw new Error(`no line ${line}`);
  const out = Uint8Array.from(bytes);
  out[at + line.indexOf('[') + 1] = mark.charCodeAt(0);
  return out;
}

describe('a file whose task boxes changed is read from the cache without parsing', () => {
  it('every way of ticking the boxes of its task topics, on a checklist with CRLF, a BOM, front matter, nesting and quotes', async () => {
    expect(await expectReadAsParsed(CHECKLIST)).toBeGreaterThanOrEqual(8);
  });

  it.each<[string, (bytes: Uint8Array) => Uint8Array]>([
    ['a box inside fenced code', (b) => markOn(b, '- [ ] not a task: in code', 'x')],
    ['brackets in prose', (b) => markOn(b, 'Tick them as you go: [ ] means', 'x')],
    ['a box ticked and a letter changed elsewhere', (b) => markOn(markOn(b, '- [ ] Sorting', 'x'), 'title: Mine', 'M')],
    ['a letter that is an x changed to a space', (b) => Buffer.from(Buffer.from(b).toString('latin1').replace('Interview checklist', 'Interview checklis '), 'latin1')],
    ['a box that became longer', (b) => Buffer.from(Buffer.from(b).toString('latin1').replace('- [ ] Sorting', '- [xx] Sorting'), 'latin1')],
  ])('anything else is parsed: %s', async (_how, change) => {
    const after = change(CHECKLIST);
    expect(Buffer.compare(after, CHECKLIST)).not.toBe(0);
    const read = await readAfter(CHECKLIST, after);
    expect({ parsed: read.parsed, same: read.tree === fresh(after) }).toEqual({ parsed: true, same: true });
  });

  it('the tree brought up to date is stored for the new bytes: the next read takes it as it is', async () => {
    const root = temp();
    await parseCached(root, CHECKLIST, INPUT);
    const after = markOn(CHECKLIST, '- [ ] Sorting', 'x');
    await parseCached(root, after, INPUT);
    const parses = work.parses;
    const sections = work.cachedSections;
    const again = JSON.stringify(await parseCached(root, after, INPUT));
    expect({ parsed: work.parses > parses, same: again === fresh(after) }).toEqual({ parsed: false, same: true });
    expect(work.cachedSections).toBeGreaterThan(sections);
  });
});

describe('retick refuses, and changes nothing, when the tree and the changed box do not agree', () => {
  const sortingBox = (): TaskBox => {
    const box = findTaskBoxes(CHECKLIST).find((b) => b.line === 10);
    if (!box) throw new Error('no box on line 10');
    return box;
  };
  const parsed = () => parseRoadmap(decodeBytes(CHECKLIST, 'mine.md'), { fallbackTitle: 'mine' });
  const ticked = markOn(CHECKLIST, '- [ ] Sorting', 'x');

  it('takes the change when they agree', () => {
    const tree = parsed();
    expect(retick(tree, ticked, [{ offset: sortingBox().offset, was: SPACE }])).toBe(true);
    expect(JSON.stringify(tree)).toBe(fresh(ticked));
  });

  it.each<[string, (tree: ReturnType<typeof parsed>) => void, number]>([
    ['the topic on the line was ticked though its box was not', (tree) => {
      const sorting = allTopics(tree).find((e) => e.topic.line === 10);
      if (sorting) sorting.topic.checked = true;
    }, SPACE],
    ['two task topics on the line of the box', (tree) => {
      const other = allTopics(tree).find((e) => e.topic.line === 11);
      if (other) other.topic.line = 10;
    }, SPACE],
    ['no task topic on the line of the box', (tree) => {
      const sorting = allTopics(tree).find((e) => e.topic.line === 10);
      if (sorting) delete sorting.topic.checked;
    }, SPACE],
  ])('%s', (_how, spoil, was) => {
    const tree = parsed();
    spoil(tree);
    const before = JSON.stringify(tree);
    expect(retick(tree, ticked, [{ offset: sortingBox().offset, was }])).toBe(false);
    expect(JSON.stringify(tree)).toBe(before);
  });

  it('a changed byte that is no box', () => {
    const tree = parsed();
    const before = JSON.stringify(tree);
    expect(retick(tree, ticked, [{ offset: sortingBox().offset + 1, was: SPACE }])).toBe(false);
    expect(JSON.stringify(tree)).toBe(before);
  });
});

describeWithSharedData('real checklists ticked in every way read as a parse reads them', () => {
  it.each([
    '9omallec__Python-Learning__Resources__PROGRESS.md',
    'Baastiennn__WEBCOURS__meta__roadmap.md',
    'dsmlucas__trilha-dev__README.md',
    'jwasham__coding-interview-university__README.md',
    'jwasham__coding-interview-university__translations__README-tw.md',
    'lum1nar__web__README.md',
    'shawshankrai__ds-algo__README.md',
    'thedaviddias__Front-End-Checklist__README.md',
  ])('%s', async (name) => {
    expect(await expectReadAsParsed(readFileSync(corpusPath(name)))).toBeGreaterThan(0);
  }, 60_000);
});
