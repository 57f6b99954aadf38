// Benchmarks with rerunnable numbers (DESIGN: 'numbers that matter come from a benchmark you can rerun').
// Run: npm run bench -w @riskmap/geo   (each script also runs alone with npx tsx bench/<name>.ts)
await import('./pmed.js');
await import('./analytics.js');
await import('./siting.js');
