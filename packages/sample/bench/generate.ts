// Time to generate the Yanggu sample dataset in process (what the first `npm start` pays before loading it).
// Run: npx tsx packages/sample/bench/generate.ts
import { generateSample, SAMPLE_SEED } from '../src/index.js';

const times: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  generateSample(SAMPLE_SEED);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(`sample generation (in process, seed ${SAMPLE_SEED}): median ${times[2]!.toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms over 5 runs`);
