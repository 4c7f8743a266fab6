/**
 * The order of a roadmap.sh graph (`src/data/roadmaps/NAME/NAME.json`, a React Flow document of `nodes` and
 * `edges`). Only two node types are things to learn: `topic` (the main path) and `subtopic` (hung beside a topic);
 * the rest is drawing (`title`, `label`, `paragraph`, `button`, `section`, `vertical`, `horizontal`, `linksgroup`…).
 * The main path is read along its edges from top to bottom; each subtopic goes to the topic an edge joins it to
 * (directly or through other subtopics), else to the nearest topic on the page.
 */

export interface GraphNode {
  id: string;
  type: 'topic' | 'subtopic';
  label: string;
  x: number;
  y: number;
}

export interface GraphTopic {
  node: GraphNode;
  subtopics: GraphNode[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** The learnable nodes of a graph document, or undefined when it is not one (no `nodes` list). */
export function graphNodes(doc: unknown): { nodes: GraphNode[]; edges: Array<[string, string]>; title: string | undefined } | undefined {
  if (!isObject(doc) || !Array.isArray(doc.nodes)) return undefined;
  const nodes: GraphNode[] = [];
  let title: string | undefined;
  for (const raw of doc.nodes) {
    if (!isObject(raw) || typeof raw.id !== 'string') continue;
    const data = isObject(raw.data) ? raw.data : {};
    const label = typeof data.label === 'string' ? data.label.replace(/\s+/g, ' ').trim() : '';
    if (raw.type === 'title' && label && title === undefined) title = label;
    if ((raw.type !== 'topic' && raw.type !== 'subtopic') || !label) continue;
    const pos = isObject(raw.position) ? raw.position : {};
    // Order by the node's middle: nodes of one row have different heights.
    const size = isObject(raw.measured) ? raw.measured : raw;
    nodes.push({ id: raw.id, type: raw.type, label, x: num(pos.x) + num(size.width) / 2, y: num(pos.y) + num(size.height) / 2 });
  }
  const edges: Array<[string, string]> = [];
  for (const raw of Array.isArray(doc.edges) ? doc.edges : []) {
    if (isObject(raw) && typeof raw.source === 'string' && typeof raw.target === 'string') edges.push([raw.source, raw.target]);
  }
  return { nodes, edges, title };
}

const byPosition = (a: GraphNode, b: GraphNode): number => a.y - b.y || a.x - b.x;

/** Topics in path order, each with its subtopics top to bottom. */
export function orderGraph(nodes: readonly GraphNode[], edges: ReadonlyArray<[string, string]>): GraphTopic[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const topics = nodes.filter((n) => n.type === 'topic');
  const order = pathOrder(topics, edges, byId);
  const owner = new Map<string, GraphNode>();
  const linked = new Map<string, string[]>();
  for (const [a, b] of edges) {
    if (!byId.has(a) || !byId.has(b)) continue;
    linked.set(a, [...(linked.get(a) ?? []), b]);
    linked.set(b, [...(linked.get(b) ?? []), a]);
  }
  const rank = new Map(order.map((t, i) => [t.id, i]));
  // Subtopics joined to a topic by an edge (the earliest topic when several), then through chains of subtopics.
  let frontier: GraphNode[] = [];
  for (const s of nodes.filter((n) => n.type === 'subtopic')) {
    const homes = (linked.get(s.id) ?? []).filter((id) => rank.has(id)).sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
    const home = homes[0] === undefined ? undefined : byId.get(homes[0]);
    if (home) {
      owner.set(s.id, home);
      frontier.push(s);
    }
  }
  while (frontier.length > 0) {
    const next: GraphNode[] = [];
    for (const s of frontier) {
      for (const id of linked.get(s.id) ?? []) {
        const n = byId.get(id);
        const home = owner.get(s.id);
        if (n?.type === 'subtopic' && !owner.has(n.id) && home) {
          owner.set(n.id, home);
          next.push(n);
        }
      }
    }
    frontier = next;
  }
  for (const s of nodes) {
    if (s.type !== 'subtopic' || owner.has(s.id)) continue;
    const nearest = [...order].sort((a, b) => distance(a, s) - distance(b, s))[0];
    if (nearest) owner.set(s.id, nearest);
  }
  return order.map((node) => ({
    node,
    subtopics: nodes.filter((s) => s.type === 'subtopic' && owner.get(s.id) === node).sort(byPosition),
  }));
}

function distance(a: GraphNode, b: GraphNode): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/**
 * Topics along the edges between topics (a topological order), taking the highest ready topic on the page first;
 * topics no edge reaches, and any left in a cycle, fall in by their position.
 */
function pathOrder(topics: readonly GraphNode[], edges: ReadonlyArray<[string, string]>, byId: ReadonlyMap<string, GraphNode>): GraphNode[] {
  const isTopic = (id: string): boolean => byId.get(id)?.type === 'topic';
  const incoming = new Map(topics.map((t) => [t.id, 0]));
  const out = new Map<string, string[]>();
  for (const [a, b] of edges) {
    if (!isTopic(a) || !isTopic(b) || a === b) continue;
    // Edges drawn upwards are read downwards: the path runs top to bottom.
    const [from, to] = byPosition(byId.get(a) as GraphNode, byId.get(b) as GraphNode) <= 0 ? [a, b] : [b, a];
    out.set(from, [...(out.get(from) ?? []), to]);
    incoming.set(to, (incoming.get(to) ?? 0) + 1);
  }
  const ready = topics.filter((t) => incoming.get(t.id) === 0);
  const done = new Set<string>();
  const order: GraphNode[] = [];
  while (order.length < topics.length) {
    ready.sort(byPosition);
    const next = ready.shift() ?? topics.filter((t) => !done.has(t.id)).sort(byPosition)[0];
    if (!next) break;
    if (done.has(next.id)) continue;
    done.add(next.id);
    order.push(next);
    for (const id of out.get(next.id) ?? []) {
      const left = (incoming.get(id) ?? 0) - 1;
      incoming.set(id, left);
      const n = byId.get(id);
      if (left === 0 && n && !done.has(id)) ready.push(n);
    }
  }
  return order;
}
