import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/core/parse/normalize.js';
import { parseRoadmap } from '../../src/core/parse/parse.js';
import type { Roadmap, Topic } from '../../src/core/types.js';
import { validateRoadmap } from '../../src/core/parse/validate.js';
import { allTopics } from '../../src/core/tree.js';

const CORPUS = new URL('../../../shared/corpus/', import.meta.url);
const cache = new Map<string, Roadmap>();

/** A corpus file parsed as `--roadmap FILE` would. */
function corpus(prefix: string): Roadmap {
  const hit = cache.get(prefix);
  if (hit) return hit;
  const file = readFileSync(new URL('MANIFEST.tsv', CORPUS), 'utf8')
    .split('\n')
    .map((l) => l.split('\t')[0] ?? '')
    .find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no corpus file starts with ${prefix}`);
  const roadmap = parseRoadmap(decodeBytes(readFileSync(new URL(file, CORPUS)), file), { fallbackTitle: file });
  cache.set(prefix, roadmap);
  return roadmap;
}

const titles = (topics: readonly Topic[]): string[] => topics.map((t) => t.title);
const kinds = (r: Roadmap): string[] => r.warnings.map((w) => w.kind);

describe('A. outline list (golang-developer-roadmap): everything under "## Resources"', () => {
  const r = corpus('Alikhll__golang');
  it('takes the top-level items of the one list as sections, numbering moved to `order`', () => {
    expect(r.title).toBe('Go Developer Roadmap');
    expect(r.sections[4]).toMatchObject({ title: 'Databases', order: '5' });
    expect(titles(r.sections[4]!.topics)).toEqual(['Relational', 'Cloud Databases', 'Search Engines', 'NoSQL']);
    expect(r.sections[4]!.topics[0]!.children[1]).toMatchObject({ title: 'PostgreSQL', url: 'https://www.postgresql.org/' });
  });
  it('leaves out Disclaimer, Give a Star, Wrap Up, Contribution and License, and says so', () => {
    const dropped = r.warnings.filter((w) => w.kind === 'dropped-boilerplate').map((w) => w.message);
    expect(dropped.join('\n')).toMatch(/Disclaimer[\s\S]*Give a Star[\s\S]*Wrap Up[\s\S]*Contribution[\s\S]*License/);
  });
});

describe('B. heading per topic (DevOps-Roadmap, JWT, system-design-primer)', () => {
  it('a numbered heading with prose and "**Resources:**" is one topic; its links are resources, not topics', () => {
    const r = corpus('milanm__DevOps');
    expect(r.sections.map((s) => s.order)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', 'Bonus']);
    const git = r.sections[0]!.topics[0]!;
    expect(git).toMatchObject({ title: 'GIT', children: [] });
    expect(git.links).toHaveLength(9);
    expect(git.links[0]).toEqual({ title: 'Pro Git Book', url: 'https://git-scm.com/book/en/v2' });
    expect(git.description).toContain('Git is a free tool used for source code management.');
  });
  it('the preface before the table of contents and the parts beside the roadmap go to the overview', () => {
    const r = corpus('milanm__DevOps');
    expect(r.overview.map((p) => p.title)).toEqual(expect.arrayContaining(['DevOps Roadmap', 'PDF version', 'Additional resources', 'DevOps as a Burger (DaaB)']));
    expect(r.sections.map((s) => s.title)).not.toContain('Additional resources');
  });
  it('a roadmap.sh topic file: one topic, with its @type@ resources as links', () => {
    const r = corpus('kamranahmedse__developer-roadmap__src__data__roadmaps__backend__content');
    expect(r.sections).toHaveLength(1);
    const [jwt] = r.sections[0]!.topics;
    expect(jwt?.title).toBe('JWT');
    expect(jwt?.links.map((l) => l.title)).toEqual([
      'jwt.io Website',
      'Introduction to JSON Web Tokens',
      'What is JWT?',
      'What Is JWT and Why Should You Use JWT',
      'What is JWT? JSON Web Token Explained',
    ]);
  });
  it('an article: sub-headings are topics, "Source(s) and further reading" become their links', () => {
    const r = corpus('donnemartin');
    const db = r.sections.find((s) => s.title === 'Database')!;
    const rdbms = db.topics.find((t) => t.title === 'Relational database management system (RDBMS)')!;
    expect(titles(rdbms.children)).toEqual(['Master-slave replication', 'Master-master replication', 'Federation', 'Sharding', 'Denormalization', 'SQL tuning']);
    const sharding = rdbms.children[3]!;
    expect(sharding.links.some((l) => l.url.includes('Shard_(database_architecture)'))).toBe(true);
    expect(r.sections[0]?.title).toBe('System design topics: start here');
  });
});

describe('C. GFM task checklist (coding-interview-university, Front-End-Checklist, WEBCOURS)', () => {
  it('task boxes are the topics; plain notes and links under them are their description and links', () => {
    const r = corpus('jwasham__coding-interview-university__README');
    const big = r.sections.find((s) => s.title.startsWith('Algorithmic complexity'))!;
    expect(big.topics[0]).toMatchObject({ title: 'Harvard CS50 - Asymptotic Notation (video)', checked: false, url: 'https://www.youtube.com/watch?v=iOq5kSKqeR4' });
    expect(big.description).toContain('Nothing to implement here');
    const topcoder = big.topics.find((t) => t.title.startsWith('TopCoder'))!;
    expect(topcoder.children).toEqual([]);
    expect(topcoder.links).toHaveLength(2);
  });
  it('a heading inside a list item (`- ### Arrays`) groups the boxes below it', () => {
    const r = corpus('jwasham__coding-interview-university__README');
    const ds = r.sections.find((s) => s.title === 'Data Structures')!;
    expect(ds.topics[0]).toMatchObject({ title: 'About Arrays', group: 'Arrays' });
    expect(ds.topics.find((t) => t.title.startsWith('Implement a vector'))?.children.length).toBeGreaterThan(10);
  });
  it('the "**Doctype:**" label is the title; the 📖 link after a box is that box\'s link', () => {
    const r = corpus('thedaviddias');
    const doctype = r.sections[0]!.topics[0]!;
    expect(doctype).toMatchObject({ title: 'Doctype', checked: false, group: 'Meta tag' });
    expect(doctype.description).toMatch(/^The Doctype is HTML5/);
    expect(doctype.links[0]?.url).toContain('w3.org');
  });
  it('Phase 1…6 are the sections; parts after the numbered run go to the overview, with a warning', () => {
    const r = corpus('Baastiennn');
    expect(r.sections.map((s) => s.order)).toEqual(['Phase 1', 'Phase 2', 'Phase 3', 'Phase 4', 'Phase 5', 'Phase 6']);
    expect(r.sections[0]!.topics[0]).toMatchObject({ title: '01_programming-basics/variables/', group: 'Week 1-2: Core Concepts' });
    expect(r.sections[0]!.description).toContain('Goal: Master programming fundamentals');
    expect(r.warnings.find((w) => w.kind === 'content-skipped')).toMatchObject({ line: 94 });
  });
});

describe('D. link directory (awesome, frontend-dev-bookmarks)', () => {
  it('`- [Name](url) - description`: the name is the title, the url the topic url, the rest its description', () => {
    const r = corpus('sindresorhus');
    expect(r.title).toBe('Awesome');
    const node = r.sections[0]!.topics[0]!;
    expect(node).toMatchObject({ title: 'Node.js', url: 'https://github.com/sindresorhus/awesome-nodejs#readme' });
    expect(node.description).toMatch(/^Async non-blocking event-driven JavaScript runtime/);
    expect(node.children[0]?.title).toBe('Cross-Platform');
  });
  it('`**[Name](url)**: description` reads the same way', () => {
    const r = corpus('dypsilon');
    expect(r.sections[0]!.topics[0]).toMatchObject({ title: 'Animation', url: 'appearance/animation.md', description: 'The process of creating motion and shape change.' });
  });
});

describe('E. tables (ossu, hacker-roadmap)', () => {
  it('rows of a Courses table are topics with the other columns as attrs, grouped by their heading', () => {
    const r = corpus('ossu');
    expect(r.title).toBe('Open Source Society University');
    const core = r.sections.find((s) => s.title === 'Core CS')!;
    expect(core.topics[0]).toMatchObject({
      title: 'Systematic Program Design',
      url: 'coursepages/spd/README.md',
      group: 'Core programming',
      attrs: { Duration: '13 weeks', Effort: '8-10 hours/week', Prerequisites: 'none' },
    });
  });
  it('rows of a Tool table are topics; "Additional resources" keeps its links and has no topics', () => {
    const r = corpus('sundowndev');
    expect(r.title).toBe('Hacker roadmap');
    const tools = r.sections.find((s) => s.title === 'Tools by category')!;
    expect(tools.topics[0]).toMatchObject({ title: 'theHarvester', group: 'Information Gathering', attrs: { Language: 'Python' } });
    const extra = r.sections.find((s) => s.title === 'Additional resources')!;
    expect(extra.topics).toEqual([]);
    expect(extra.links.length).toBeGreaterThan(20);
  });
});

describe('F. little Markdown structure (bootdev-tracker, AI-Expert-Roadmap, a front-matter-only file)', () => {
  it('`<details>` groups are sections; a checklist drawn in a code block gives ticked topics', () => {
    const r = corpus('Edyth-K');
    expect(r.sections[0]).toMatchObject({ title: 'Learn to Code in Python', icon: '✅' });
    expect(r.sections[0]!.topics[0]).toMatchObject({ title: 'Introduction', checked: true, line: 6 });
    const http = r.sections.find((s) => s.title === 'Learn HTTP Clients in TypeScript')!;
    expect(http.topics[0]).toMatchObject({ title: 'Why HTTP?', checked: false });
  });
  it('a roadmap drawn as pictures has its sections but no topics, so validate says it is not usable', () => {
    const r = corpus('AMAI');
    expect(r.title).toBe('i.am.ai AI Expert Roadmap');
    expect(r.sections.map((s) => s.title)).toEqual([
      'Introduction', 'Fundamentals', 'Data Science Roadmap', 'Machine Learning Roadmap', 'Deep Learning Roadmap', 'Data Engineer Roadmap', 'Big Data Engineer Roadmap',
    ]);
    expect(validateRoadmap(r)).toMatchObject({ usable: false, counts: { sections: 7, topics: 0 } });
  });
  it('front matter alone gives the title and description, and nothing to study', () => {
    const r = corpus('kamranahmedse__developer-roadmap__src__data__roadmaps__backend__backend');
    expect(r.title).toBe('Backend Developer');
    expect(r.description).toBe('Step by step guide to becoming a modern backend developer in 2023');
    expect(r.sections).toEqual([]);
  });
});

describe('non-Latin scripts', () => {
  it('Chinese: readable ids, "**术语**：说明" split into title and description, 第一阶段 as order of the section', () => {
    const r = corpus('USTB');
    expect(r.title).toBe('后端开发学习指南');
    // 简介 and 学习时间安排 are prose only and the resources part holds no topics: the phases of 学习路线 are the sections.
    expect(r.sections.map((s) => [s.order, s.title])).toEqual([['第一阶段', '基础概念'], ['第二阶段', '框架学习'], ['第三阶段', '进阶技能']]);
    expect(r.sections[0]!.topics[0]).toMatchObject({ id: '基础概念/服务器基础', title: '服务器基础', description: '了解Web服务器、HTTP协议、RESTful API设计' });
    expect(r.overview.map((p) => p.title)).toEqual(expect.arrayContaining(['简介', '推荐学习资源', '学习时间安排']));
  });
  it('lists in blockquotes nest one level per `>`, with the lines of the file', () => {
    const r = corpus('lihuajun660');
    const server = r.sections[2]!.topics[1]!;
    expect(server.title).toBe('应用服务器');
    expect(server.children.map((t) => [t.title, t.line])).toEqual([['Tomcat', 14], ['Jetty', 15], ['Undertow', 16]]);
  });
  it('Traditional Chinese translation: every topic id is unique and keeps its Han characters', () => {
    const r = corpus('jwasham__coding-interview-university__translations');
    const ids = allTopics(r).map((e) => e.topic.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => /\p{Script=Han}/u.test(id)).length).toBeGreaterThan(50);
    expect(kinds(r)).toContain('dropped-toc');
  });
});
