/**
 * Siting benchmarks beyond OR-Library: MCLP (Yanggu sample and synthetic clustered instances) and
 * p-median on a synthetic clustered 2 000 × 100 instance. Run: npx tsx bench/siting.ts
 */
await import('./mclp.js');
await import('./pmedian-synthetic.js');
