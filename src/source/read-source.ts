import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { SourceError } from './errors.js';
import { fetchRoadmap, type FetchOptions } from './fetch-url.js';
import { fallbackTitleOf, readRoadmapBytes, readStdinRoadmap, type SourceOptions } from './load-roadmap.js';
import { isRoadmapShFolder, readRoadmapShFolder } from './roadmapsh.js';

/** Where a roadmap given to `roadmap add` comes from. */
export type SourceKind = 'file' | 'url' | 'github' | 'stdin' | 'roadmap.sh';

/** Options for reading any source: the file and stdin options, how to fetch, and where `github:` points. */
export interface ReadSourceOptions extends SourceOptions {
  fetch: FetchOptions;
  /** Base of raw GitHub files, normally https://raw.githubusercontent.com (tests point it at a local server). */
  githubRawBase: string;
  /** What to say when a file is not there. */
  missingHint?: string;
}

/** A source read to its Markdown bytes. */
export interface ReadSource {
  kind: SourceKind;
  /** The source as it is remembered: an absolute path, a URL, `github:owner/repo/path@ref`, or `-`. */
  source: string;
  /** How it is named in messages. */
  shown: string;
  bytes: Uint8Array;
  /** A name for the shelf, from the file, folder, repository or URL; empty when there is none (stdin). */
  suggestedName: string;
  /** Used as the title when the Markdown has none. */
  fallbackTitle: string;
}

/** `github:owner/repo[/path][@ref]`, with README.md and HEAD when left out. */
export interface GithubSpec {
  owner: string;
  repo: string;
  path: string;
  ref: string;
}

const GITHUB = /^github:([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})((?:\/[^@]+)?)(?:@([^@\s]+))?$/;

export function parseGithubSpec(spec: string): GithubSpec {
  const m = GITHUB.exec(spec.trim());
  if (!m?.[1] || !m[2]) {
    throw new SourceError(`${spec} is not a GitHub reference`, 'write it as github:OWNER/REPO, github:OWNER/REPO/PATH/TO/FILE.md or github:OWNER/REPO/PATH@BRANCH');
  }
  let path = (m[3] ?? '').replace(/^\/+|\/+$/g, '');
  // A folder means its README, as GitHub shows it.
  if (!/\.(md|markdown|mdx|txt)$/i.test(path)) path = path ? `${path}/README.md` : 'README.md';
  return { owner: m[1], repo: m[2], path, ref: m[4] ?? 'HEAD' };
}

/** The raw file URL of a GitHub reference. */
export function githubRawUrl(spec: GithubSpec, base: string): string {
  const segments = [spec.owner, spec.repo, spec.ref, ...spec.path.split('/')].map(encodeURIComponent);
  return `${base.replace(/\/+$/, '')}/${segments.join('/')}`;
}

const README = /^(readme|index)(\.(md|markdown|mdx|txt))?$/i;

/** A shelf name from a path's last parts: the file name, or its folder's name for a README. */
function nameFromPath(parts: readonly string[]): string {
  const last = parts.at(-1) ?? '';
  const base = README.test(last) ? (parts.at(-2) ?? '') : last;
  return base.replace(/\.(md|markdown|mdx|txt)$/i, '');
}

/** What kind of source an argument of `roadmap add` is, without reading it. */
export function sourceKind(arg: string, cwd: string): SourceKind {
  if (arg === '-') return 'stdin';
  if (arg.startsWith('github:')) return 'github';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) return 'url';
  return statSync(resolve(cwd, arg), { throwIfNoEntry: false })?.isDirectory() ? 'roadmap.sh' : 'file';
}

/**
 * Reads what `roadmap add` (and `roadmap update`) was given: a Markdown file, a roadmap.sh folder, an http(s) URL, a
 * `github:` reference, or `-` for standard input.
 */
export async function readSource(arg: string, options: ReadSourceOptions): Promise<ReadSource> {
  const kind = sourceKind(arg, options.cwd);
  switch (kind) {
    case 'stdin': {
      const bytes = await readStdinRoadmap(options, 'roadmap add -', 'roadmap add -');
      return { kind, source: '-', shown: 'standard input', bytes, suggestedName: '', fallbackTitle: 'Roadmap from standard input' };
    }
    case 'github': {
      const spec = parseGithubSpec(arg);
      const url = githubRawUrl(spec, options.githubRawBase);
      const { bytes } = await fetchRoadmap(url, options.fetch);
      const source = `github:${spec.owner}/${spec.repo}/${spec.path}${spec.ref === 'HEAD' ? '' : `@${spec.ref}`}`;
      return { kind, source, shown: source, bytes, suggestedName: nameFromPath([spec.repo, ...spec.path.split('/')]), fallbackTitle: spec.repo };
    }
    case 'url': {
      const { bytes } = await fetchRoadmap(arg, options.fetch);
      const parts = new URL(arg).pathname.split('/').filter(Boolean).map(decodeSafe);
      const fromUrl = nameFromPath(parts) || new URL(arg).hostname;
      return { kind, source: arg, shown: arg, bytes, suggestedName: fromUrl, fallbackTitle: fromUrl };
    }
    case 'roadmap.sh': {
      const dir = resolve(options.cwd, arg);
      if (!isRoadmapShFolder(dir)) {
        throw new SourceError(`${arg} is a folder, not a Markdown file or a roadmap.sh roadmap folder`, 'give the path of a .md file, or a roadmap.sh folder (src/data/roadmaps/NAME, with NAME.json and content/)');
      }
      const read = readRoadmapShFolder(dir);
      return { kind, source: dir, shown: arg, bytes: Buffer.from(read.markdown), suggestedName: basename(dir), fallbackTitle: read.title };
    }
    case 'file': {
      const path = resolve(options.cwd, arg);
      const bytes = readRoadmapBytes(path, arg, options.missingHint ?? 'check the path');
      return { kind, source: path, shown: arg, bytes, suggestedName: nameFromPath([basename(dirname(path)), basename(path)]), fallbackTitle: fallbackTitleOf(path) };
    }
  }
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
