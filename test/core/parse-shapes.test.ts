import { describe, expect, it } from 'vitest';
import { parseRoadmap } from '../../src/core/parse/parse.js';
import type { Roadmap, Topic } from '../../src/core/types.js';

/** Shapes from issue 12's failure classes, written here from their description (no corpus text). */
const md = (...lines: string[]): string => lines.join('\n');
const titles = (topics: readonly Topic[]): unknown => topics.map((t) => (t.children.length ? [t.title, titles(t.children)] : t.title));
const tree = (r: Roadmap): unknown => r.sections.map((s) => [s.title, titles(s.topics)]);

describe('1. shape decides structure; words of twelve languages only drop boilerplate', () => {
  it('a translated outline under "Resources" beside Disclaimer, Give a star and Finally: the list items are the sections', () => {
    const r = parseRoadmap(
      md('# Go 开发者路线图', '## 免责声明', '本路线图仅供参考。', '## 给个星星！⭐', '如果喜欢请点星。', '## 路线图', '![路线图](roadmap.png)', '## 资源', '1. 基础', '   - 语法', '   - 工具', '2. 数据库', '   - MySQL', '   - Redis', '3. 缓存', '   - Redis', '## 最后', '祝你学习愉快。', '## 许可', 'MIT'),
    );
    expect(tree(r)).toEqual([['基础', ['语法', '工具']], ['数据库', ['MySQL', 'Redis']], ['缓存', ['Redis']]]);
  });

  it.each([
    ['es', 'Licencia', 'Créditos y fuentes'],
    ['pt', 'Contribuição', 'Agradecimentos'],
    ['ru', 'Лицензия', 'Благодарности'],
    ['fa', 'مجوز', 'سوالات متداول'],
    ['fr', 'Remerciements', 'Foire aux questions'],
    ['de', 'Lizenz', 'Mitwirken'],
    ['tr', 'Lisans', 'Katkıda Bulunma'],
    ['vi', 'Giấy phép', 'Đóng góp'],
    ['ja', 'ライセンス', '謝辞'],
    ['ko', '라이선스', '기여하기'],
    ['zh', '贡献', '致谢'],
    ['en', 'Give me a star', 'Tips for success'],
    ['en', 'How to use this plan', 'How to use this roadmap'],
  ])('%s boilerplate headings (%s, %s) are left out and reported', (_lang, a, b) => {
    const r = parseRoadmap(md('# R', '## One', '- a', '- b', '## Two', '- c', `## ${a}`, '- x', '- y', `## ${b}`, '- z', '- w'));
    expect(r.sections.map((s) => s.title)).toEqual(['One', 'Two']);
    expect(r.warnings.filter((w) => w.kind === 'dropped-boilerplate')).toHaveLength(2);
  });
});

describe('4. a curriculum table near the top, then the full text of lesson 1', () => {
  it('the table is the roadmap; the first lesson\'s headings go to the overview', () => {
    const rows = Array.from({ length: 6 }, (_, i) => `| ${String(i + 1).padStart(2, '0')} | [Lesson ${i + 1}](./day-${i + 1}/README.md) |`);
    const r = parseRoadmap(md('# Thirty days', '', '| Day | Topics |', '|---|---|', ...rows, '', '## Day 1: Introduction', 'Welcome.', '### Setup', '- Install the tools', '- Open the editor', '### Exercises', '1. Print hello', '2. Print a sum'));
    expect(r.sections).toHaveLength(1);
    expect(r.sections[0]!.topics.map((t) => [t.title, t.url])).toEqual(Array.from({ length: 6 }, (_, i) => [`Lesson ${i + 1}`, `./day-${i + 1}/README.md`]));
    expect(r.overview.map((p) => p.title)).toContain('Introduction');
  });

  it('a table of external links is not taken for a curriculum', () => {
    const rows = Array.from({ length: 5 }, (_, i) => `| [Tool ${i}](https://tool${i}.dev) | fast |`);
    const r = parseRoadmap(md('# Tools', '| Tool | Note |', '|---|---|', ...rows, '## Basics', '- a', '## More', '- b'));
    expect(r.sections.map((s) => s.title)).toEqual(['Tools', 'Basics', 'More']);
  });
});

describe('6. resources and topics under heading-per-topic files', () => {
  it('type markers, (video) and a "📚 Resources" sub-heading make links resources of the heading, not topics', () => {
    const r = parseRoadmap(
      md('# Go', '## Goroutines', 'Light threads run by the Go runtime, scheduled onto a few OS threads.', '- :book: [The Tour](https://go.dev/tour)', '- :movie_camera: [A talk](https://example.com/talk)', '- :page_facing_up: [A paper](https://example.com/paper)', '## Channels', 'Typed pipes between goroutines.', '### 📚 Resources', '- [Spec](https://go.dev/ref/spec)', '- [Talk](https://example.com/c) (video)'),
    );
    expect(tree(r)).toEqual([['Goroutines', ['Goroutines']], ['Channels', ['Channels']]]);
    expect(r.sections[0]!.topics[0]!.links.map((l) => l.title)).toEqual(['The Tour', 'A talk', 'A paper']);
    expect(r.sections[1]!.topics[0]!.links.map((l) => l.title)).toEqual(['Spec', 'Talk']);
  });

  it('Book:, Course: and Video: sub-bullets resource the item above; Project: stays a task', () => {
    const r = parseRoadmap(md('# ML', '## Phase 1: Basics', '1. **Linear algebra**', '   - **Book**: _Some Algebra Book_', '   - **Course**: [A course](https://example.com/la)', '   - **Project**: Implement matrix multiply', '2. **Probability**', '   - Video: [Lectures](https://example.com/p)', '## Phase 2: Models', '1. **Regression**'));
    expect(tree(r)).toEqual([['Basics', [['Linear algebra', ['Project: Implement matrix multiply']], 'Probability']], ['Models', ['Regression']]]);
    expect(r.sections[0]!.topics[0]!.links.map((l) => l.url)).toEqual(['https://example.com/la']);
    expect(r.sections[0]!.topics[1]!.links.map((l) => l.url)).toEqual(['https://example.com/p']);
  });
});

describe('7. several numbered h1 parts', () => {
  it('the parts are the sections, their numbered h2s the topics', () => {
    const r = parseRoadmap(md('# 1. Courses', '## 1.1 Intro', '- [ ] Week one', '## 1.2 Core', '- [ ] Week two', '# 2. Topics', '## 2.1 Trees', '- Binary', '- AVL', '## 2.2 Graphs', '- BFS'));
    expect(tree(r)).toEqual([
      ['Courses', [['Intro', ['Week one']], ['Core', ['Week two']]]],
      ['Topics', [['Trees', ['Binary', 'AVL']], ['Graphs', ['BFS']]]],
    ]);
    expect(r.sections.map((s) => s.order)).toEqual(['1', '2']);
  });
});

describe('8. week and phase plans', () => {
  it('h3 week ranges holding h4 weeks with day bullets, among Tips, Resources and Success metrics', () => {
    const r = parseRoadmap(
      md('# Learning plan', '## Overview', 'Three months, an hour a day.', '## The plan', '### Weeks 1-2: Foundations', '#### Week 1', '- Day 1: variables', '- Day 2: loops', '#### Week 2', '- Day 3: functions', '### Weeks 3-4: Web', '#### Week 3', '- Day 1: HTTP', '#### Week 4', '- Day 2: routing', '## Tips', '- Sleep well', '- Code daily', '## Resources', '- [Docs](https://example.com/docs)', '## Success metrics', '- Ship one project'),
    );
    expect(tree(r)).toEqual([
      ['Foundations', [['Week 1', ['variables', 'loops']], ['Week 2', ['functions']]]],
      ['Web', [['Week 3', ['HTTP']], ['Week 4', ['routing']]]],
    ]);
    expect(r.sections.map((s) => s.order)).toEqual(['Weeks 1-2', 'Weeks 3-4']);
    expect(r.sections[0]!.topics[0]!.children.map((t) => t.order)).toEqual(['Day 1', 'Day 2']);
  });
});

describe('numbering that tells siblings apart', () => {
  it('"Week 1 Challenge" and "Week 2 Challenge" keep their numbering in the title; unique titles drop it', () => {
    const r = parseRoadmap(md('# R', '## Weekly', '- [ ] Week 1 Challenge', '- [ ] Week 2 Challenge', '- [ ] Week 3: Review', '## Other', '- [ ] x'));
    expect(r.sections[0]!.topics.map((t) => [t.title, t.order, t.id])).toEqual([
      ['Week 1: Challenge', 'Week 1', 'weekly/week-1-challenge'],
      ['Week 2: Challenge', 'Week 2', 'weekly/week-2-challenge'],
      ['Review', 'Week 3', 'weekly/review'],
    ]);
    expect(r.warnings.filter((w) => w.kind === 'duplicate-title')).toEqual([]);
  });
});

describe('9. checklists', () => {
  it('h2 groups and h3 lessons with - [ ] tasks: the lessons are topics over their tasks; resource links stay links', () => {
    const r = parseRoadmap(
      md('<p align="center"><img src="logo.png" alt="logo"></p>', '', '# Checklist', '', '## Contents', '- [Basics](#basics)', '- [Advanced](#advanced)', '', '## Basics', '### Lesson 1: Setup', '- [ ] Install', '  - 📖 [Guide](https://example.com/install)', '- [x] Configure', '### Lesson 2: Hello', '- [ ] Print', '## Advanced', '### Lesson 3: Files', '- [ ] Read a file', '  - 🎥 [Video](https://example.com/files)'),
    );
    expect(tree(r)).toEqual([
      ['Basics', [['Setup', ['Install', 'Configure']], ['Hello', ['Print']]]],
      ['Advanced', [['Files', ['Read a file']]]],
    ]);
    expect(r.sections[0]!.topics[0]!.children[0]!.links.map((l) => l.title)).toEqual(['Guide']);
  });
});

describe('10. a deep numbered outline under one generic heading, sub-bullets not indented', () => {
  it('the numbered items are the sections and the bullets under each their topics', () => {
    const body = Array.from({ length: 15 }, (_, i) => [`${i + 1}. Area ${i + 1}`, `- Skill ${i + 1}a`, `- Skill ${i + 1}b`]).flat();
    const r = parseRoadmap(md('# Roadmap', '## Contents of the path', ...body));
    expect(r.sections).toHaveLength(15);
    expect(tree(r)).toContainEqual(['Area 15', ['Skill 15a', 'Skill 15b']]);
  });
});

describe('11. plans whose parts are named without headings, or sit beside a listed preface', () => {
  const intro = 'Two hours a day for six months is enough if you finish the project of each month before moving on; it is what shows you learned.';
  it('bold lines of their own naming the lists below them are the sections, under a title heading full of prose', () => {
    const r = parseRoadmap(
      md('# Six months of front end', '', intro, '', '**Month 1: Foundations**', '', '* HTML', '  * Forms', '* CSS', '', '**Project:** a one-page site.', '', '**Month 2: Layout**', '', '* Flexbox', '* Grid', '', '**Month 3: JavaScript**', '', '1. Variables', '2. Loops', '', '## License', 'MIT'),
      { explain: true },
    );
    expect(tree(r)).toEqual([['Foundations', [['HTML', ['Forms']], 'CSS']], ['Layout', ['Flexbox', 'Grid']], ['JavaScript', ['Variables', 'Loops']]]);
    expect(r.sections.map((s) => s.order)).toEqual(['Month 1', 'Month 2', 'Month 3']);
    // The section is the label: its topics carry no group named after it.
    expect(r.sections[0]!.topics.map((t) => t.group)).toEqual([undefined, undefined]);
    expect(r.structure?.reasons.join(' ')).toContain('3 lists each follow a label line of their own');
  });

  it('an icon in front of each bold line ("🟢 **Level 1 – Beginner**") still makes the lines name the sections', () => {
    const r = parseRoadmap(md('# Security', '', intro, '', '🟢 **Level 1 – Beginner**', '', '- Networking', '  - Ports', '- Linux', '', '🟡 **Level 2 – Intermediate**', '', '- Web attacks', '- Cryptography', '', '🔴 **Level 3 – Advanced**', '', '- Exploits', '- Malware analysis'));
    expect(r.sections.map((s) => [s.order, s.title, s.topics.length])).toEqual([['Level 1', 'Beginner', 2], ['Level 2', 'Intermediate', 2], ['Level 3', 'Advanced', 2]]);
  });

  it('such a line before a heading, not a list, stays in the description', () => {
    const r = parseRoadmap(md('# R', '## Databases', 'Connect your backend to data.', '', '### MongoDB', '- CRUD', '- Schemas', '', '🕒 **Estimated time: 2–3 weeks**', '', '### SQL', '- Joins', '## Web', '- HTTP'));
    const mongo = r.sections[0]!.topics.find((t) => t.title === 'MongoDB');
    expect(mongo?.description).toContain('Estimated time: 2–3 weeks');
  });

  it('one labelled list, or labels naming resources, do not make sections', () => {
    const one = parseRoadmap(md('# R', '', intro, '', '**Month 1: Foundations**', '', '* HTML', '* CSS', '', '* Git', '* Shell'));
    expect(one.sections).toHaveLength(1);
    const resources = parseRoadmap(md('# R', '', '**Month 1**', '', '* HTML', '* CSS', '', '**Resources:**', '', '* [MDN](https://example.com/mdn)', '* [Book](https://example.com/book)'));
    expect(resources.sections.map((s) => s.title)).not.toContain('Resources');
  });

  it('a prose preface the table of contents lists does not keep the one part with topics from being read as the sections', () => {
    const r = parseRoadmap(
      md('# 路线', '', '## 目录', '- [前言](#前言)', '- [学习路线](#学习路线)', '', '## 前言', '', `这份路线是我带新人时整理的，核心思想只有一个：先做完，再做好。${intro}`, '', '## 学习路线', '', '- **第一阶段：基础**', '  - 变量', '  - 函数', '- **第二阶段：入门**', '  - 组件', '  - 物理', '- **第三阶段：系统**', '  - 动画'),
    );
    expect(tree(r)).toEqual([['基础', ['变量', '函数']], ['入门', ['组件', '物理']], ['系统', ['动画']]]);
  });
});

describe('12. icons in front of numbering and labels', () => {
  it('keycap digits number a heading ("1️⃣ Basics", "1️⃣0️⃣ Career"); an icon before "Book:" still makes the bullet a resource', () => {
    const r = parseRoadmap(
      md('# Design', '## 1️⃣ Foundations', '#### Typography', '- 📘 [Practical typography](https://example.com/type)', '- 📘 Book: *Thinking with Type*', '#### Colour', '- 🎬 Video: colour in ten minutes', '- 🛠️ Build a palette for a weather app', '## 2️⃣ Research', '#### Interviews', '- [Guide](https://example.com/interviews)', '## 1️⃣0️⃣ Career', '#### Portfolio', '- [Tips](https://example.com/portfolio)'),
    );
    expect(tree(r)).toEqual([['Foundations', ['Typography', ['Colour', ['Build a palette for a weather app']]]], ['Research', ['Interviews']], ['Career', ['Portfolio']]]);
    expect(r.sections.map((s) => s.order)).toEqual(['1', '2', '10']);
  });
});

describe('13. link directories', () => {
  const entries = (name: string, n: number): string[] => Array.from({ length: n }, (_, i) => `- [${name} ${i + 1}](https://example.com/${name.toLowerCase()}/${i + 1}) - What ${name.toLowerCase()} ${i + 1} covers.`);
  it('a "Books" category among categories of links is a section of the directory, not resources of the others', () => {
    const r = parseRoadmap(md('# Awesome Elixir', '## Guides', ...entries('Guide', 5), '## Books', ...entries('Book', 3), '## Tools', ...entries('Tool', 5)));
    expect(r.sections.map((s) => [s.title, s.topics.length])).toEqual([['Guides', 5], ['Books', 3], ['Tools', 5]]);
  });

  it('a trailing "Books" part beside sections of plain topics stays their resources', () => {
    const r = parseRoadmap(md('# Elixir', '## Basics', '- Pattern matching', '- Recursion', '- Modules', '## OTP', '- GenServer', '- Supervisors', '## Books', ...entries('Book', 3)));
    expect(r.sections.map((s) => s.title)).toEqual(['Basics', 'OTP']);
  });

  it('badges between an entry\'s link and its dash ("💲 -") do not join the description to the title', () => {
    const r = parseRoadmap(md('# A', '## Courses', '- [Developing with OTP](https://example.com/otp) 💲 - Build a server, then rebuild it with OTP.', '- [Free course](https://example.com/free) ⭐ 💲 – Short and practical.', '## More', ...entries('Tool', 2)));
    expect(r.sections[0]!.topics.map((t) => [t.title, t.description])).toEqual([
      ['Developing with OTP', 'Build a server, then rebuild it with OTP.'],
      ['Free course', 'Short and practical.'],
    ]);
  });
});

describe('14. a numbered series of tables', () => {
  const table = (from: number, to: number): string[] => ['| Day | Topic | Practice |', '|---|---|---|', ...Array.from({ length: to - from + 1 }, (_, i) => `| ${from + i} | Topic ${from + i} | Exercise ${from + i} |`)];
  it('an unnumbered last part whose table has the numbered parts\' columns continues the series; one with other content does not', () => {
    const r = parseRoadmap(md('# 30 days', '## Week 1 – Select', ...table(1, 3), '## Week 2 – Join', ...table(4, 6), '## Week 3 – Window', ...table(7, 9), '## Final days – Capstone', ...table(10, 11), '## Community', '- Join the forum', '- Share your work'));
    expect(r.sections.map((s) => [s.title, s.topics.length])).toEqual([['Select', 3], ['Join', 3], ['Window', 3], ['Final days – Capstone', 2]]);
  });

  it('a last part listing three or more topics after a numbered run stays a section; one of sentences or two notes does not', () => {
    const r = parseRoadmap(
      md('# R', '## 1. Basics', '- HTTP', '- DNS', '## 2. Web', '- Cookies', '## 3. Exploits', '- XSS', '## 🛠️ Practice projects', '1. Build a home lab with a domain controller and two clients', '2. Write your own TCP port scanner in Python', '3. Reproduce a public CVE inside a container', '## Community', '- Join the forum and ask questions there.', '- Share your write-ups with others.', '- Help newcomers when you can.', '## Timeline', '- **Fast:** 6 months', '- **Slow:** a year'),
    );
    expect(r.sections.map((s) => s.title)).toEqual(['Basics', 'Web', 'Exploits', 'Practice projects']);
  });

  it('in a checklist, a last part of plain bullets without a box lists topics', () => {
    const boxes = (name: string): string[] => Array.from({ length: 8 }, (_, i) => `- [ ] ${name} ${i + 1}`);
    const r = parseRoadmap(md('# R', '## 1. Basics', ...boxes('Basic'), '## 2. Core', ...boxes('Core'), '## 3. Advanced', ...boxes('Advanced'), '## Project ideas', '1. A blog with comments', '2. A URL shortener with an API', '3. A multi-tenant invoicing app'));
    expect(r.sections.map((s) => [s.title, s.topics.length])).toEqual([['Basics', 8], ['Core', 8], ['Advanced', 8], ['Project ideas', 3]]);
  });

  it('an unnumbered last part of task boxes after numbered milestones of task boxes continues them; plain notes do not', () => {
    const r = parseRoadmap(md('# Plan', '### Milestone 1: Basics', '- [ ] Read chapter 1', '- [x] Exercises', '### Milestone 2: Hashing', '- [ ] SHA-2', '### Milestone 3: Keys', '- [ ] RSA', '### Stretch goals', '- [ ] Zero knowledge', '- [ ] Side channels', '### Process notes', '- Present on Fridays', '- Use the template'));
    expect(r.sections.map((s) => s.title)).toEqual(['Basics', 'Hashing', 'Keys', 'Stretch goals']);
  });
});

describe('15. titles written without a heading', () => {
  it('a bold first line titles the file; a bold first line naming the list below it does not', () => {
    const r = parseRoadmap(md('**Math for game developers**', '', 'Notes from a course.', '', '# Vectors', '- Length', '- Dot product', '# Matrices', '- Transforms'), { fallbackTitle: 'file' });
    expect(r.title).toBe('Math for game developers');
    const label = parseRoadmap(md('**Month 1: Basics**', '', '- HTML', '- CSS', '', '**Month 2: Layout**', '', '- Grid'), { fallbackTitle: 'file' });
    expect(label.title).toBe('file');
  });

  it('a bold line in the centred HTML at the top titles the file, before a logo\'s alt text; bold inside a sponsor link does not', () => {
    const top = '<p align="center">\n  <img src="gopher.svg" width="120" alt="gopher"><br>\n  <b>Дорожная карта Go-разработчика</b><br>\n  <sub>от первых строк кода</sub>\n</p>';
    const r = parseRoadmap(md(top, '', 'Основы', '======', '', '- Синтаксис', '', 'Сеть', '====', '', '- HTTP'), { fallbackTitle: 'file' });
    expect(r.title).toBe('Дорожная карта Go-разработчика');
    const sponsor = '<div align="center">\n  <img src="logo.svg" alt="Awesome">\n  <a href="https://example.com"><b>Fast builds for your CI.</b></a>\n</div>';
    expect(parseRoadmap(md(sponsor, '', '## One', '- a', '## Two', '- b'), { fallbackTitle: 'file' }).title).toBe('Awesome');
  });
});

describe('16. a paragraph introducing each part', () => {
  const intro = (what: string): string => `This phase is about ${what}. Almost everything later builds on it, so take your time here, do the exercises, and do not rush into the next phase before the project at its end works and you can explain it to a friend.`;
  it('a part with a long introduction, then a list of short phrases, lists its topics, even beside a part without prose', () => {
    const r = parseRoadmap(
      md('# Plan', '## Month 1: Foundations', intro('the language itself'), '', '**Week 1:** Setup', '- Install Python', '- Variables and strings', '- Lists and dictionaries', '', '**Milestone project:** rebuild a spreadsheet of yours in a notebook, with charts, and write down what was harder than expected.', '## Month 2: Data', intro('data'), '', '- Series and DataFrames', '- Grouping and merging', '- Missing data', '## Month 3: Going further', '- Options pricing', '- Dashboards'),
    );
    expect(r.sections.map((s) => [s.title, s.topics.length])).toEqual([['Foundations', 3], ['Data', 3], ['Going further', 2]]);
  });

  it('a list of sentences under a long introduction still explains it', () => {
    const r = parseRoadmap(md('# Plan', '## Before you start', intro('habits'), '', '- Remember to code every single day, even for a short while.', '- Keep notes of what you learned in your own words.', '- Ask for help after twenty minutes stuck.', '## Basics', '- Syntax', '- Types', '## Web', '- HTTP', '- Routing'));
    expect(r.sections.map((s) => s.title)).toEqual(['Basics', 'Web']);
  });
});

describe('17. resources listed under a kind of material', () => {
  it('"Videos" or "Articles" items holding links resource the topic above; "Tools" with its own items stays a topic', () => {
    const r = parseRoadmap(
      md('# Compilers', '## Front end', '#### Tokens', '- Books', '  - [Scanning](https://example.com/scan)', '  - EaC 2.1', '- Videos', '  - [Lexers explained](https://example.com/lexers)', '#### Automata', '- Articles', '  - [Regex matching](https://example.com/re)', '  - [DFA minimisation](https://example.com/dfa)', '## Back end', '#### Codegen', '- Tools', '  - Register allocation', '  - Instruction selection'),
    );
    expect(tree(r)).toEqual([['Front end', ['Tokens', 'Automata']], ['Back end', [['Codegen', [['Tools', ['Register allocation', 'Instruction selection']]]]]]]);
    expect(r.sections[0]!.topics[1]!.links.map((l) => l.title)).toEqual(['Regex matching', 'DFA minimisation']);
  });
});

describe('18. resource labels in more languages', () => {
  it.each([
    ['ko', '참고 자료:'],
    ['ja', 'リソース:'],
    ['es', 'Recursos:'],
    ['pt', 'Materiais:'],
    ['fr', 'Ressources :'],
  ])('%s: links after a "%s" label resource the topic above, they are not topics', (_lang, label) => {
    const r = parseRoadmap(md('# R', '## One', '- Alpha', '- Beta', '', `**${label}**`, '', '- [Guide](https://example.com/a)', '- [Book](https://example.com/b)', '## Two', '- Gamma'));
    expect(tree(r)).toEqual([['One', ['Alpha', 'Beta']], ['Two', ['Gamma']]]);
  });
});

describe('19. an outline written as numbered lines without list markers', () => {
  it('lines "1.1 …", "1.1.1 …" in one paragraph are topics nested by their numbers', () => {
    const r = parseRoadmap(md('# CCNA outline', '', 'My own numbering.', '', '## 1. Fundamentals', '', '1.1 Network devices', '1.1.1 Routers', '1.1.2 Switches', '1.2 Topologies', '1.3 Cabling', '', '## 2. Access', '', '2.1 VLANs', '2.1.1 Trunks', '2.2 `STP` basics'));
    expect(tree(r)).toEqual([['Fundamentals', [['Network devices', ['Routers', 'Switches']], 'Topologies', 'Cabling']], ['Access', [['VLANs', ['Trunks']], 'STP basics']]]);
    expect(r.sections[0]!.topics[0]!.children.map((t) => t.order)).toEqual(['1.1.1', '1.1.2']);
  });

  it('sections numbered by a bare number ("1 Fundamentals") one up each time have it as their numbering; "3D modelling" alone keeps it', () => {
    const r = parseRoadmap(md('# R', '## 1 Fundamentals (~20%)', '- a', '## 2 Access', '- b', '## 3 Services', '- c'));
    expect(r.sections.map((s) => [s.order, s.title, s.id])).toEqual([['1', 'Fundamentals (~20%)', 'fundamentals-20'], ['2', 'Access', 'access'], ['3', 'Services', 'services']]);
    const other = parseRoadmap(md('# R', '## 3 Ways to learn', '- a', '## 10 Projects', '- b', '## 7 Habits', '- c'));
    expect(other.sections.map((s) => s.title)).toEqual(['3 Ways to learn', '10 Projects', '7 Habits']);
  });

  it('a paragraph with one line that is not numbered stays prose', () => {
    const r = parseRoadmap(md('# R', '## One', '1.1 Network devices', '1.2 Topologies', 'and then some words', '- a', '- b', '## Two', '- c', '- d'));
    expect(tree(r)).toEqual([['One', ['a', 'b']], ['Two', ['c', 'd']]]);
  });
});

describe('20. tables named in other words and languages', () => {
  it.each([
    ['a practice sheet', '| Problem | Link | Difficulty |', (i: number) => `| Problem ${i} | [Solve](https://example.com/p${i}) | Easy |`],
    ['a Spanish syllabus', '| Día | Tema | Actividad |', (i: number) => `| Lunes ${i} | Tema ${i} | Ejercicios |`],
    ['a French course', '| Semaine | Thème | Exercice |', (i: number) => `| ${i} | Thème ${i} | Lire |`],
  ])('%s: each row is a topic, named by its topic column', (_what, header, row) => {
    const table = (from: number): string[] => [header, '|---|---|---|', ...[from, from + 1, from + 2].map(row)];
    const r = parseRoadmap(md('# R', '## One', ...table(1), '## Two', ...table(4)));
    expect(r.sections.map((s) => s.topics.length)).toEqual([3, 3]);
    expect(r.sections[1]!.topics[0]!.title).toMatch(/4$/u);
  });

  it('a table of facts (Dato | Valor) is not topics', () => {
    const r = parseRoadmap(md('# R', '| Dato | Valor |', '|---|---|', '| Duración | 16 semanas |', '| Horario | 18:00 |', '## One', '- a', '## Two', '- b'));
    expect(tree(r)).toEqual([['One', ['a']], ['Two', ['b']]]);
  });
});

describe('21. one table whose first column groups its rows', () => {
  it('a Section column repeating in runs makes each value a section of its rows; a column of all-different values does not', () => {
    const rows = [['Linux', 'Permissions'], ['Linux', 'Processes'], ['Networking', 'DNS'], ['Networking', 'TCP'], ['Containers', 'Docker'], ['Containers', 'Helm']];
    const table = (cells: string[][]): string[] => ['| Section | Topic | Resource |', '| --- | --- | --- |', ...cells.map(([a, b]) => `| ${a} | ${b} | [Docs](https://example.com/${b}) |`)];
    const r = parseRoadmap(md('# DevOps', '', 'My plan in one table.', '', '## Roadmap', '', ...table(rows)));
    expect(tree(r)).toEqual([['Linux', ['Permissions', 'Processes']], ['Networking', ['DNS', 'TCP']], ['Containers', ['Docker', 'Helm']]]);
    expect(r.sections[0]!.topics[0]!.attrs).toEqual({ Resource: 'Docs' });
    const flat = parseRoadmap(md('# DevOps', '', '## Roadmap', '', ...table(rows.map(([, b], i) => [`Area ${i}`, b ?? '']))));
    expect(flat.sections).toHaveLength(1);
  });
});
