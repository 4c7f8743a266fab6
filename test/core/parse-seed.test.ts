import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRoadmap } from '../../src/core/parse/parse.js';
import { countTopics } from '../../src/core/tree.js';

const bundled = readFileSync(new URL('../../roadmap/go-backend.md', import.meta.url), 'utf8');
const seed = readFileSync(new URL('../../../shared/seeds/go-backend-roadmap.original.md', import.meta.url), 'utf8');

const EXPECTED_SECTIONS = [
  'Web Development & APIs',
  'Database & ORM',
  'Authentication & Authorization',
  'Concurrency & Parallelism',
  'Microservices & Communication',
  'Caching & Performance Optimization',
  'Testing & Debugging',
  'Deployment & DevOps',
  'Security Best Practices',
  'Advanced Topics',
];

describe.each([
  ['bundled roadmap/go-backend.md', bundled],
  ['raw seed with its encoding damage', seed],
])('%s', (_name, text) => {
  const roadmap = parseRoadmap(text);

  it('has the roadmap part as title and 10 sections titled as a person reads them', () => {
    expect(roadmap.title).toBe('Go Backend Development Roadmap');
    expect(roadmap.sections.map((s) => s.title)).toEqual(EXPECTED_SECTIONS);
    expect(roadmap.sections.map((s) => s.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(roadmap.sections.map((s) => s.order)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
  });

  it('has 53 topics, 5 or 6 per section, in plain text', () => {
    expect(roadmap.sections.map((s) => s.topics.length)).toEqual([5, 5, 5, 5, 6, 5, 6, 6, 5, 5]);
    expect(roadmap.sections.reduce((n, s) => n + countTopics(s.topics), 0)).toBe(53);
    const titles = roadmap.sections.flatMap((s) => s.topics.map((t) => t.title));
    expect(titles).toContain('Learn net/http package for handling HTTP requests');
    expect(titles).toContain('Working with ORM libraries: GORM (for relational databases)');
    expect(titles.join('\n')).not.toMatch(/\*\*|`/);
  });

  it('keeps "Go Relevance in Different Fields" as the overview, not as sections', () => {
    expect(roadmap.overview[0]?.title).toBe('Go Relevance in Different Fields');
    expect(roadmap.overview.map((p) => p.title)).toContain('Cloud Computing');
    expect(roadmap.sections.map((s) => s.title)).not.toContain('Cloud Computing');
  });

  it('repairs the encoding damage', () => {
    expect(roadmap.description).toContain('here’s a structured roadmap');
    const all = JSON.stringify(roadmap);
    expect(all).not.toMatch(/â€|ðŸ/);
  });

  it('gives stable slug ids made of section and topic titles', () => {
    const first = roadmap.sections[0]!.topics[0]!;
    expect(first.id).toBe('web-development-apis/learn-net-http-package-for-handling-http-requests');
    expect(first.number).toBe('1.1');
  });
});

describe('encoding repair warning', () => {
  it('is reported for the raw seed and not for the bundled copy', () => {
    expect(parseRoadmap(seed).warnings.map((w) => w.kind)).toContain('encoding-repaired');
    expect(parseRoadmap(bundled).warnings.map((w) => w.kind)).not.toContain('encoding-repaired');
  });
});

describe('overview rule', () => {
  it('needs one part titled as a roadmap; otherwise the h1s are the sections', () => {
    const md = '# Alpha\n\n- a1\n- a2\n\n# Beta\n\n- b1\n';
    const r = parseRoadmap(md);
    expect(r.sections.map((s) => s.title)).toEqual(['Alpha', 'Beta']);
    expect(r.overview).toEqual([]);
  });

  it('treats a part titled as a learning path, curriculum, syllabus, study plan or checklist as the roadmap', () => {
    for (const word of ['Learning Path', 'Curriculum', 'Syllabus', 'Study Plan', 'Checklist']) {
      const md = `# Why Rust\n\n## Speed\n\n- fast\n\n# Rust ${word}\n\n## One\n\n- x\n- y\n\n## Two\n\n- z\n`;
      const r = parseRoadmap(md);
      expect(r.title).toBe(`Rust ${word}`);
      expect(r.sections.map((s) => s.title)).toEqual(['One', 'Two']);
      expect(r.overview.map((p) => p.title)).toEqual(['Why Rust', 'Speed']);
    }
  });
});
