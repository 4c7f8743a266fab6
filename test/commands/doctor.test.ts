import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SMALL_MD } from '../core/fixture.js';
import { smallRoadmap, type SmallRoadmap } from '../helpers/small-roadmap.js';

let t: SmallRoadmap;
beforeEach(() => {
  t = smallRoadmap();
});
afterEach(() => {
  t.cleanup();
});

const rename = (): void => {
  writeFileSync(t.file, SMALL_MD.replace('- Gamma', '- Gamma rays').replace('- Delta', '- Quite different'));
};

describe('roadmap edits', () => {
  it('a command warns once on stderr when stored topics are gone; stdout stays data', async () => {
    await t.rm(['done', '1.3', '2.1']);
    rename();
    const r = await t.rm(['list', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty('progress');
    expect(r.stderr.match(/warning:/g)).toHaveLength(1);
    expect(r.stderr).toContain('2 topics that are no longer in this roadmap');
    expect(r.stderr).toContain(`roadmap doctor --roadmap ${t.file}`);
  });

  it('doctor lists orphans with similar topics; --fix moves the unambiguous one and undo puts it back', async () => {
    await t.rm(['done', '1.3', '2.1']);
    await t.rm(['note', '1.3', 'photons']);
    rename();
    const d = await t.rm(['doctor']);
    expect(d.code).toBe(0);
    expect(d.stderr).toBe('');
    expect(d.stdout).toContain('2 stored topics are no longer in this roadmap');
    expect(d.stdout).toMatch(/basics\/gamma {2}\(done, 1 note\)\n {2}-> {2}1\.3 Gamma rays \(similarity 0\.\d+\)/);
    expect(d.stdout).toContain('not moved automatically: no current topic is similar enough');
    const json = JSON.parse((await t.rm(['doctor', '--json'])).stdout) as { orphans: Array<{ id: string; fix: { number: string } | null; candidates: unknown[] }> };
    expect(json.orphans.map((o) => [o.id, o.fix?.number ?? null])).toEqual([['advanced/delta', null], ['basics/gamma', '1.3']]);
    const fix = await t.rm(['doctor', '--fix']);
    expect(fix.stdout).toContain('Moved basics/gamma (done, 1 note) -> 1.3 Gamma rays');
    expect(await t.statuses()).toMatchObject({ '1.3': 'done' });
    const show = JSON.parse((await t.rm(['show', '1.3', '--json'])).stdout) as { notes: Array<{ text: string }> };
    expect(show.notes.map((n) => n.text)).toEqual(['photons']);
    const log = await t.rm(['log', '-n', '1']);
    expect(log.stdout).toContain('doctor --fix  moved progress of 1 topic (1.3 Gamma rays) and 1 note');
    await t.rm(['undo']);
    expect(await t.statuses()).toMatchObject({ '1.3': 'pending' });
  });

  it('no orphans: says so', async () => {
    await t.rm(['done', '1.1']);
    const d = await t.rm(['doctor']);
    expect(d.stdout).toBe('All stored progress belongs to topics of this roadmap. Nothing to do.\n');
  });
});
