import type { Compilable, CompiledQuery, Kysely, QueryResult } from "kysely";
import type { Dialect } from "./query-helpers.js";
import type { Database } from "./schema.js";

/** A stand-in for the i-th argument while the query is built: no real value looks like it. */
const MARK = "\u0001meridian-argument-";
const standIn = (i: number) => `${MARK}${i}\u0001`;
const argumentOf = (value: string) => {
  const i = Number(value.slice(MARK.length, -1));
  return value === standIn(i) ? i : undefined;
};

interface Compiled {
  query: CompiledQuery;
  /** For each parameter: the argument it takes, or -1 for a constant the query itself holds. */
  sources: number[];
  constants: readonly unknown[];
}

export interface PreparedQuery<Args extends unknown[], Row> {
  run(context: { db: Kysely<Database>; dialect: Dialect }, ...args: Args): Promise<QueryResult<Row>>;
}

/**
 * A query Kysely builds and compiles once per dialect, then runs with new values. On the device
 * check-in path building a query (its operation tree, the camel-case transform, compiling) cost
 * several times what SQLite took to run it. `build` receives stand-ins for its arguments and must
 * hand them to Kysely only as values — no arithmetic or string building with them — which preparing
 * checks: each stand-in must come back as a parameter of its own, unchanged. Runs go through the
 * given connection or transaction, so plugins still map the rows.
 */
export function preparedQuery<Args extends unknown[], Row>(
  name: string,
  build: (db: Kysely<Database>, ...args: Args) => Compilable<Row>,
): PreparedQuery<Args, Row> {
  const arity = build.length - 1;
  const byDialect = new Map<Dialect, Compiled>();
  const compile = (db: Kysely<Database>): Compiled => {
    const standIns = Array.from({ length: arity }, (_, i) => standIn(i)) as Args;
    const query = build(db, ...standIns).compile();
    const seen = new Set<number>();
    const sources = query.parameters.map((value) => {
      if (typeof value !== "string" || !value.includes(MARK)) return -1;
      const i = argumentOf(value);
      if (i === undefined)
        throw new Error(`Prepared query ${name}: an argument was used to build a value, not passed as one.`);
      seen.add(i);
      return i;
    });
    if (seen.size !== arity)
      throw new Error(
        `Prepared query ${name}: ${arity - seen.size} of its ${arity} arguments never became parameters.`,
      );
    return { query, sources, constants: query.parameters };
  };
  return {
    async run({ db, dialect }, ...args) {
      let compiled = byDialect.get(dialect);
      if (!compiled) byDialect.set(dialect, (compiled = compile(db)));
      const parameters = compiled.sources.map((source, i) =>
        source < 0 ? compiled.constants[i] : args[source],
      );
      return db.executeQuery<Row>({ ...compiled.query, parameters });
    },
  };
}
