import { parseRoadmap } from '../../src/core/parse/parse.js';

/** A small roadmap with one parent: 1.1 Alpha, 1.2 Beta (1.2.1, 1.2.2), 1.3 Gamma; 2.1 Delta, 2.2 Epsilon. */
export const SMALL_MD = `# Test Roadmap

## Basics
- Alpha
- Beta
  - Beta one
  - Beta two
- Gamma

## Advanced
- Delta
- Epsilon
`;

export const small = parseRoadmap(SMALL_MD);

export const ID = {
  alpha: 'basics/alpha',
  beta: 'basics/beta',
  beta1: 'basics/beta/beta-one',
  beta2: 'basics/beta/beta-two',
  gamma: 'basics/gamma',
  delta: 'advanced/delta',
  epsilon: 'advanced/epsilon',
} as const;
