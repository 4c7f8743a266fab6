import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserCommand } from '../../src/ui/open-url.js';
import { tempHome } from '../helpers/io.js';

const bin = tempHome();
afterAll(() => {
  bin.cleanup();
});
for (const name of ['xdg-open', 'sensible-browser']) {
  writeFileSync(join(bin.dir, name), '#!/bin/sh\n');
  chmodSync(join(bin.dir, name), 0o755);
}

describe('browserCommand: how walk and report --open reach a browser', () => {
  it.each<[string, NodeJS.ProcessEnv, NodeJS.Platform, string[] | undefined]>([
    ['$BROWSER first', { BROWSER: 'firefox', PATH: bin.dir }, 'linux', ['firefox']],
    ['macOS open', { PATH: '' }, 'darwin', ['open']],
    ['Windows: rundll32 started directly, never cmd.exe', { PATH: '' }, 'win32', ['rundll32', 'url.dll,FileProtocolHandler']],
    ['Linux with a display: xdg-open', { PATH: bin.dir, DISPLAY: ':0' }, 'linux', ['xdg-open']],
    ['Wayland counts as a display', { PATH: bin.dir, WAYLAND_DISPLAY: 'wayland-0' }, 'linux', ['xdg-open']],
    ['Linux without a display (SSH, a container): no browser', { PATH: bin.dir }, 'linux', undefined],
    ['no opener installed: no browser', { PATH: join(bin.dir, 'none'), DISPLAY: ':0' }, 'linux', undefined],
  ])('%s', (_what, env, platform, expected) => {
    const got = browserCommand(env, platform);
    expect(got?.map((c) => c.split('/').pop())).toEqual(expected);
  });
});
