import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type autocannon from 'autocannon';

const CLIENT = fileURLToPath(new URL('./load-client.ts', import.meta.url));

/**
 * An autocannon run (`options` as autocannon takes them, plus `nice`) in a child process; resolves with its result.
 * @example const r = await loadFromChild({ url, connections: 10, duration: 5, requests, nice: 0 })
 */
export function loadFromChild(options: Record<string, unknown> & { nice?: number }): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', CLIENT, JSON.stringify(options)], { maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`load client failed: ${err.message}\n${stderr}`));
      const line = stdout.trim().split('\n').pop() ?? '';
      resolve(JSON.parse(line) as autocannon.Result);
    });
  });
}
