import { describe, expect, it } from 'vitest';
import { redact, secretsOf } from '../../src/core/text/redact.js';

describe('redact: no credential of a remote URL reaches a message', () => {
  it.each([
    ['https://user:ghp_s3cret@github.com/me/learn.git', 'https://user:***@github.com/me/learn.git'],
    ['fatal: unable to access https://oauth2:glpat-XYZ@gitlab.com/a.git/: 403', 'fatal: unable to access https://oauth2:***@gitlab.com/a.git/: 403'],
    ['https://ghp_tokenAsUser@github.com/me/learn.git', 'https://***@github.com/me/learn.git'],
    ['http://me:p@ss@127.0.0.1:8080/x.git', 'http://me:***@127.0.0.1:8080/x.git'],
    ["'HTTPS://U:T@host/x'", "'HTTPS://U:***@host/x'"],
    ['two: https://a:one@h/x and https://b:two@h/y', 'two: https://a:***@h/x and https://b:***@h/y'],
    ['ssh://git@github.com/me/learn.git', 'ssh://git@github.com/me/learn.git'],
    ['ssh://git:secret@host/x', 'ssh://git:***@host/x'],
    ['git@github.com:me/learn.git', 'git@github.com:me/learn.git'],
    ['/home/me/learn.git and mail@example.com', '/home/me/learn.git and mail@example.com'],
    ['https://github.com/me/learn.git', 'https://github.com/me/learn.git'],
  ])('%s', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('hides the known secrets anywhere, as written and percent-decoded', () => {
    const url = 'https://me:to%2Fken-123@host/x.git';
    expect(secretsOf(url)).toEqual(['to%2Fken-123', 'to/ken-123']);
    expect(redact('git said: bad credentials to/ken-123 for to%2Fken-123', secretsOf(url))).toBe('git said: bad credentials *** for ***');
  });

  it('takes nothing from addresses without credentials, and ignores secrets too short to be told from words', () => {
    expect(secretsOf('ssh://git@github.com/x.git')).toEqual([]);
    expect(secretsOf('/srv/learn.git')).toEqual([]);
    expect(redact('a b c', ['b'])).toBe('a b c');
  });
});
