import type { ClientRequest, IncomingMessage } from 'node:http';
import { LIMITS } from '../core/parse/lex/limits.js';
import { SourceError } from './errors.js';

/** How a URL is fetched; the CLI fills it from defaults and the environment. */
export interface FetchOptions {
  /** Longest wait for the connection to open. */
  connectTimeoutMs: number;
  /** Longest silence once connected: waiting for the headers, or between two pieces of the body. */
  idleTimeoutMs: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Told as the body arrives: bytes so far and the announced size, if any. */
  onProgress?: (received: number, total: number | undefined) => void;
}

export interface Fetched {
  bytes: Uint8Array;
  /** The URL that answered, after redirects. */
  url: string;
}

export const FETCH_DEFAULTS = { connectTimeoutMs: 10_000, idleTimeoutMs: 20_000, maxBytes: LIMITS.size, maxRedirects: 5 } as const;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MIB = 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseUrl(raw: string, shown: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SourceError(`${shown} is not a valid URL`, 'give a full address such as https://example.com/roadmap.md');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SourceError(`${shown}: only http and https addresses can be read, not ${url.protocol.replace(/:$/, '')}`, 'give an https:// address, or download the file and add it by its path');
  }
  return url;
}

/**
 * Fetches a roadmap over http(s) with node:http: at most `maxRedirects` redirects (http and https only, a loop
 * refused), at most `maxBytes` (refused as soon as it is known to be more), and one clear SourceError for each way it
 * fails: the host not found, the connection refused, not found (404) or another HTTP error, a timeout, too big, an
 * HTML page instead of Markdown, text that is not UTF-8.
 */
export async function fetchRoadmap(address: string, options: FetchOptions): Promise<Fetched> {
  const seen = new Set<string>();
  let url = parseUrl(address, address);
  const maxRedirects = options.maxRedirects ?? FETCH_DEFAULTS.maxRedirects;
  for (let hops = 0; ; hops++) {
    seen.add(url.href);
    const answer = await request(url, options);
    if (answer.kind === 'body') return { bytes: checkText(answer.bytes, url.href), url: url.href };
    const next = parseUrl(new URL(answer.location, url).href, `${url.href} redirects to ${answer.location}, which`);
    if (seen.has(next.href)) throw new SourceError(`${address} redirects in a loop (${url.href} leads back to ${next.href})`, 'the server is misconfigured; ask its owner, or download the file and add it by its path');
    if (hops + 1 > maxRedirects) throw new SourceError(`${address} redirects more than ${maxRedirects} times`, 'use the address it finally leads to, or download the file and add it by its path');
    url = next;
  }
}

type Answer = { kind: 'body'; bytes: Uint8Array } | { kind: 'redirect'; location: string };

async function request(url: URL, options: FetchOptions): Promise<Answer> {
  const { request: send } = url.protocol === 'https:' ? await import('node:https') : await import('node:http');
  const maxBytes = options.maxBytes ?? FETCH_DEFAULTS.maxBytes;
  return new Promise<Answer>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const fail = (error: SourceError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(error);
    };
    const wait = (ms: number, message: string, hint: string): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        fail(new SourceError(message, hint));
      }, ms);
    };
    const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;
    const idle = (): void => {
      wait(options.idleTimeoutMs, `${url.host} stopped answering: nothing arrived for ${seconds(options.idleTimeoutMs)} (timeout)`, 'try again later; ROADMAP_FETCH_TIMEOUT_MS sets how long to wait (in milliseconds)');
    };
    // A fresh connection each time (no keep-alive pool), so the connect timeout measures this connection.
    const req: ClientRequest = send(url, { agent: false, headers: { 'user-agent': 'roadmap-cli', accept: 'text/markdown, text/plain;q=0.9, */*;q=0.1', 'accept-encoding': 'identity' } });
    wait(options.connectTimeoutMs, `could not connect to ${url.host} within ${seconds(options.connectTimeoutMs)} (timeout)`, 'check your network connection; ROADMAP_CONNECT_TIMEOUT_MS sets how long to wait (in milliseconds)');
    req.on('socket', (socket) => {
      socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', idle);
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      fail(networkError(url, error));
    });
    req.on('response', (res: IncomingMessage) => {
      idle();
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (REDIRECTS.has(status) && location) {
        settled = true;
        clearTimeout(timer);
        res.resume();
        req.destroy();
        resolve({ kind: 'redirect', location });
        return;
      }
      if (status === 404 || status === 410) {
        fail(new SourceError(`${url.href} was not found (HTTP ${status})`, 'check the address; for a file on GitHub: roadmap add github:OWNER/REPO/PATH'));
        return;
      }
      if (status < 200 || status > 299) {
        fail(new SourceError(`${url.href} answered HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}, not the file`, status >= 500 ? 'the server has a problem; try again later' : 'check the address and whether the file is public'));
        return;
      }
      const type = (res.headers['content-type'] ?? '').toLowerCase();
      if (/^\s*(text\/html|application\/xhtml\+xml)\b/.test(type)) {
        fail(htmlError(url));
        return;
      }
      const announced = Number(res.headers['content-length']);
      const total = Number.isFinite(announced) && announced >= 0 ? announced : undefined;
      if (total !== undefined && total > maxBytes) {
        fail(tooBig(url, maxBytes, total));
        return;
      }
      const chunks: Buffer[] = [];
      let received = 0;
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > maxBytes) {
          fail(tooBig(url, maxBytes, undefined));
          return;
        }
        chunks.push(chunk);
        options.onProgress?.(received, total);
        idle();
      });
      res.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ kind: 'body', bytes: Buffer.concat(chunks, received) });
      });
      res.on('error', (error: NodeJS.ErrnoException) => {
        fail(networkError(url, error));
      });
      res.on('aborted', () => {
        fail(new SourceError(`${url.host} closed the connection before the whole file arrived`, 'try again'));
      });
    });
    req.end();
  });
}

function networkError(url: URL, error: NodeJS.ErrnoException): SourceError {
  switch (error.code ?? '') {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return new SourceError(`cannot find the host ${url.hostname} (DNS lookup failed)`, 'check the address for typos, and your network connection');
    case 'ECONNREFUSED':
      return new SourceError(`${url.host} refused the connection`, 'check the address and port: nothing is answering there');
    case 'ECONNRESET':
      return new SourceError(`${url.host} dropped the connection`, 'try again; if it persists, download the file and add it by its path');
  }
  return new SourceError(`cannot fetch ${url.href}: ${error.message}`, 'check the address and your network connection');
}

function htmlError(url: URL): SourceError {
  return new SourceError(`${url.href} sent an HTML page, not a Markdown file`, 'give the address of the raw file (on GitHub: the "Raw" button, or roadmap add github:OWNER/REPO/PATH)');
}

function tooBig(url: URL, max: number, size: number | undefined): SourceError {
  const what = size === undefined ? `more than ${max / MIB} MiB` : `${(size / MIB).toFixed(1)} MiB`;
  return new SourceError(`${url.href} is too big for a roadmap: ${what} (at most ${max / MIB} MiB); nothing was added`, 'check that the address is the roadmap itself');
}

/** The body must be Markdown: UTF-8 text, and not an HTML page served as text. */
function checkText(bytes: Uint8Array, shown: string): Uint8Array {
  try {
    utf8.decode(bytes);
  } catch {
    const at = firstNonUtf8(bytes);
    throw new SourceError(`${shown} did not send UTF-8 text (byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at offset ${at} is not UTF-8)`, 'a roadmap must be UTF-8 Markdown; download it and convert it, for example: iconv -f WINDOWS-1252 -t UTF-8 FILE > roadmap.md');
  }
  const head = Buffer.from(bytes.subarray(0, 512)).toString('utf8').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) throw htmlError(new URL(shown));
  return bytes;
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (0 when none is found by this quick scan). */
function firstNonUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i] ?? 0;
    const extra = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += extra + 1;
  }
  return 0;
}
