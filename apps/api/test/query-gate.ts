import type { KyselyPlugin, OperationNode, QueryId, RootOperationNode } from 'kysely';

/** An INSERT into `table`; with `value`, only one that stores that exact text in one of its columns. */
export function insertInto(table: string, value?: string): (node: RootOperationNode) => boolean {
  return (node) => {
    if (node.kind !== 'InsertQueryNode') return false;
    const into = (node.into as { table?: { identifier?: { name?: string } } } | undefined)?.table?.identifier?.name;
    if (into !== table) return false;
    if (value === undefined) return true;
    const lists = ((node.values as OperationNode & { values?: { values?: unknown[] }[] }) ?? {}).values ?? [];
    return lists.some((list) => (list.values ?? []).includes(value));
  };
}

/**
 * A step that takes as long as the test says, on the real database: the first query matching `match` (after the
 * gate is built) runs as usual, and its answer is held until `release()`. `reached` settles once it is held.
 * Used through `db.withPlugin(gate.plugin)`, so the app under test runs its own code at its own pace up to there.
 * @example const gate = queryGate(insertInto('shelters')); const app = createApp({ db: db.withPlugin(gate.plugin), … })
 */
export function queryGate(match: (node: RootOperationNode) => boolean) {
  const held = new WeakSet<QueryId>();
  let armed = true;
  let reachedNow!: () => void;
  let releaseNow!: () => void;
  const reached = new Promise<void>((resolve) => (reachedNow = resolve));
  const released = new Promise<void>((resolve) => (releaseNow = resolve));
  const plugin: KyselyPlugin = {
    transformQuery({ node, queryId }) {
      if (armed && match(node)) {
        armed = false;
        held.add(queryId);
      }
      return node;
    },
    async transformResult({ queryId, result }) {
      if (held.has(queryId)) {
        held.delete(queryId);
        reachedNow();
        await released;
      }
      return result;
    },
  };
  return { plugin, reached, release: () => releaseNow() };
}
