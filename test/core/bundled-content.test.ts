import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseRoadmap } from '../../src/core/parse/parse.js';
import type { Roadmap, Topic } from '../../src/core/types.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bundled = parseRoadmap(readFileSync(join(repoRoot, 'roadmap/go-backend.md'), 'utf8'));
const shared = process.env.ROADMAP_SHARED ?? resolve(repoRoot, '../shared');
const seedPath = join(shared, 'seeds/go-backend-roadmap.original.md');
const hasSeed = existsSync(seedPath);

/** The seed's sections and topic ids in order, pinned so the check also runs where the seed is absent. */
const PINNED: Array<[string, string[]]> = [
  [
    'Web Development & APIs',
    [
      'web-development-apis/learn-net-http-package-for-handling-http-requests',
      'web-development-apis/explore-web-frameworks-gin-echo-fiber',
      'web-development-apis/middleware-implementation-logging-authentication-error-handling',
      'web-development-apis/structuring-restful-apis-best-practices-versioning-pagination',
      'web-development-apis/building-graphql-apis-using-gqlgen',
    ],
  ],
  [
    'Database & ORM',
    [
      'database-orm/understanding-sql-basics-postgresql-mysql-sqlite',
      'database-orm/working-with-orm-libraries-gorm-for-relational-databases',
      'database-orm/using-nosql-databases-mongodb-redis',
      'database-orm/database-transactions-and-migrations',
      'database-orm/optimizing-database-queries-and-indexing-strategies',
    ],
  ],
  [
    'Authentication & Authorization',
    [
      'authentication-authorization/implementing-jwt-based-authentication',
      'authentication-authorization/oauth2-authentication-flow',
      'authentication-authorization/role-based-access-control-rbac-for-user-permissions',
      'authentication-authorization/session-management-techniques',
      'authentication-authorization/secure-password-hashing-using-bcrypt',
    ],
  ],
  [
    'Concurrency & Parallelism',
    [
      'concurrency-parallelism/understanding-goroutines-and-how-they-work',
      'concurrency-parallelism/using-channels-for-communication-between-goroutines',
      'concurrency-parallelism/implementing-worker-pools-for-parallel-processing',
      'concurrency-parallelism/handling-race-conditions-with-mutexes-waitgroups',
      'concurrency-parallelism/context-package-for-handling-request-timeouts',
    ],
  ],
  [
    'Microservices & Communication',
    [
      'microservices-communication/designing-scalable-microservices-architecture',
      'microservices-communication/understanding-grpc-vs-rest-apis',
      'microservices-communication/using-protocol-buffers-protobuf-for-efficient-communication',
      'microservices-communication/service-discovery-and-load-balancing-techniques',
      'microservices-communication/implementing-message-queues-with-kafka-rabbitmq',
      'microservices-communication/api-gateway-integration-for-managing-multiple-microservices',
    ],
  ],
  [
    'Caching & Performance Optimization',
    [
      'caching-performance-optimization/implementing-caching-strategies-using-redis',
      'caching-performance-optimization/optimizing-database-queries-to-reduce-load',
      'caching-performance-optimization/using-in-memory-caching-to-speed-up-api-responses',
      'caching-performance-optimization/rate-limiting-and-request-throttling-to-handle-high-traffic',
      'caching-performance-optimization/performance-profiling-and-benchmarking-with-pprof',
    ],
  ],
  [
    'Testing & Debugging',
    [
      'testing-debugging/writing-unit-tests-using-the-testing-package',
      'testing-debugging/creating-integration-tests-to-validate-api-functionality',
      'testing-debugging/mocking-database-and-external-dependencies-in-tests',
      'testing-debugging/using-table-driven-tests-for-better-test-coverage',
      'testing-debugging/debugging-go-applications-using-delve-debugger',
      'testing-debugging/implementing-logging-with-zap-or-logrus',
    ],
  ],
  [
    'Deployment & DevOps',
    [
      'deployment-devops/containerizing-go-applications-with-docker',
      'deployment-devops/managing-deployment-with-kubernetes-k8s',
      'deployment-devops/setting-up-ci-cd-pipelines-github-actions-gitlab-ci-jenkins',
      'deployment-devops/configuring-logging-monitoring-with-prometheus-grafana',
      'deployment-devops/load-balancing-with-nginx-or-traefik',
      'deployment-devops/environment-variable-management-and-configuration-secrets',
    ],
  ],
  [
    'Security Best Practices',
    [
      'security-best-practices/protecting-apis-with-cors-and-csrf-prevention',
      'security-best-practices/preventing-sql-injection-cross-site-scripting-xss',
      'security-best-practices/securely-handling-environment-variables-with-env-files',
      'security-best-practices/using-https-tls-encryption-for-secure-communication',
      'security-best-practices/implementing-security-headers-for-added-protection',
    ],
  ],
  [
    'Advanced Topics',
    [
      'advanced-topics/websockets-for-real-time-applications-chat-notifications',
      'advanced-topics/implementing-an-event-driven-architecture-using-go',
      'advanced-topics/serverless-applications-with-aws-lambda-and-go',
      'advanced-topics/writing-cli-tools-and-automation-scripts-in-go',
      'advanced-topics/implementing-graphql-subscriptions-for-real-time-updates',
    ],
  ],
];

function topics(r: Roadmap): Topic[] {
  return r.sections.flatMap((s) => s.topics);
}

/** Section titles with their topics' ids and titles, in file order: what ids and saved progress hang on. */
function skeleton(r: Roadmap): Array<[string, Array<[string, string, string]>]> {
  return r.sections.map((s) => [s.title, s.topics.map((t): [string, string, string] => [t.id, t.number, t.title])]);
}

/** Sentences of plain text: a split after ".", "!" or "?" followed by a space and a capital, a digit or a quote. */
function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z0-9"“])/u).filter((s) => s.trim());
}

describe('bundled Go roadmap content', () => {
  it('keeps the seed structure: the pinned sections, topic ids and order, no subtopics', () => {
    expect(bundled.sections.map((s) => [s.title, s.topics.map((t) => t.id)])).toEqual(PINNED);
    expect(topics(bundled)).toHaveLength(53);
    expect(topics(bundled).every((t) => t.children.length === 0)).toBe(true);
  });

  it('keeps "Go Relevance in Different Fields" as the overview', () => {
    expect(bundled.title).toBe('Go Backend Development Roadmap');
    expect(bundled.overview[0]?.title).toBe('Go Relevance in Different Fields');
    expect(bundled.warnings).toEqual([]);
  });

  it.each(topics(bundled).map((t) => [t.number, t] as const))('%s has a short description and 2-4 https resources', (_n, t) => {
    const description = t.description ?? '';
    expect(description.trim().length).toBeGreaterThan(40);
    expect(sentences(description).length).toBeLessThanOrEqual(3);
    expect(t.links.length).toBeGreaterThanOrEqual(2);
    expect(t.links.length).toBeLessThanOrEqual(4);
    for (const link of t.links) {
      expect(link.title.trim()).not.toBe('');
      expect(new URL(link.url).protocol).toBe('https:');
    }
    expect(new Set(t.links.map((l) => l.url)).size).toBe(t.links.length);
  });

  it('puts every resource under a topic: no section gains links', () => {
    expect(bundled.sections.map((s) => s.links)).toEqual(bundled.sections.map(() => []));
  });

  it.skipIf(!hasSeed)(`has the same ids, titles and order as the original seed (${seedPath})`, () => {
    const seed = parseRoadmap(readFileSync(seedPath, 'utf8'));
    expect(skeleton(bundled)).toEqual(skeleton(seed));
    expect(bundled.overview).toEqual(seed.overview);
    expect(bundled.sections.map((s) => s.description)).toEqual(seed.sections.map((s) => s.description));
  });
});
