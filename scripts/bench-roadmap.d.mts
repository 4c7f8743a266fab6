/** Returns Markdown text of about `bytes` bytes (never less): an ordinary generated roadmap, the same for a seed. */
export function generateRoadmap(bytes: number, seed?: number): string;
