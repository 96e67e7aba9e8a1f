// duckdb_occ.mjs: the scoring rules of occ-v1 section 4 in DuckDB's SQL,
// the benchmark's database peer (issue 14).
//
//   node duckdb_occ.mjs [--repeat N] --json DATASET.json OUT.csv
//   node duckdb_occ.mjs [--repeat N] BASE.json RATINGS.csv OUT.csv
//
// What an analyst with a database would write: DuckDB's own read_json
// (or read_csv) loads the ratings, SQL scores them one level of the
// framework at a time, COPY writes the results as the CSV pandas_occ.py
// writes, which build-aux/bench/run.py checks against libocc. The same
// rules as pandas_occ.py, for methodology cco-2024 (mean aggregations):
// leaf criterion scores (rule 1), leaf scores (2), inner nodes and the
// country with weights and missing children (3), changes (4), bands on
// the value rounded half away from zero on its shortest decimal (5, 8),
// pooled inclusion (6), ranks among peers and between countries (7).
// Prints one JSON line of wall seconds {"load", "score", "write",
// "ratings", "results"}; DuckDB runs on every core.
//
// Needs the npm package @duckdb/node-api: end_to_end.py installs the
// version it names into build/bench-node/ when missing and passes
// OCC_NODE_MODULES=build/bench-node/node_modules.
//
// SPDX-License-Identifier: LGPL-2.1-or-later

import { createRequire } from 'node:module';

// From OCC_NODE_MODULES/.. (where run.py installs it), else as usual.
const require = createRequire(process.env.OCC_NODE_MODULES
    ? `${process.env.OCC_NODE_MODULES}/../` : import.meta.url);
const { DuckDBInstance } = require('@duckdb/node-api');

const GROUPS = 9; // cco-2024's population groups
const BANDS = [['low', 0], ['medium', 1.5], ['medium-high', 2.5],
    ['high', 2.8]];
const CRITERIA = ['R', 'E', 'S'];
const SLOTS = [...CRITERIA, 'value'];

function usage() {
    process.stderr.write('usage: duckdb_occ.mjs [--repeat N] ' +
        '(--json DATASET.json | BASE.json RATINGS.csv) OUT.csv\n');
    process.exit(2);
}

const q = s => `'${s.replaceAll("'", "''")}'`;

async function all(con, sql) {
    return (await con.runAndReadAll(sql)).getRowObjectsJson();
}

// The framework as edges (node, parent, weight, depth, top): walked from
// its JSON, which DuckDB hands over as text (it is small).
function edgesOf(framework) {
    const rows = [];
    const walk = (nodes, parent, depth, top) => {
        for (const n of nodes ?? []) {
            const t = top ?? n.id;
            rows.push({node: n.id, parent, weight: n.weight ?? 1, depth,
                top: t, leaf: !(n.children && n.children.length)});
            walk(n.children, n.id, depth + 1, t);
        }
    };
    walk(framework, null, 0, null);
    return rows;
}

async function load(con, args) {
    if (args.json) {
        await con.run(`CREATE TABLE doc AS SELECT * FROM read_json(
            ${q(args.json)}, maximum_object_size = 2147483647)`);
        await con.run(`CREATE TABLE r AS
            SELECT x.country, x.phase, x.node, x.scores.R AS R,
                   x.scores.E AS E, x.scores.S AS S,
                   len(x."groups") AS marked,
                   (x."groups" IS NOT NULL)::INTEGER AS recorded
            FROM (SELECT unnest(ratings) AS x FROM doc)`);
    } else {
        await con.run(`CREATE TABLE doc AS SELECT * FROM read_json(
            ${q(args.base)}, maximum_object_size = 2147483647)`);
        // A sheet with a groups column records groups on every row but a
        // lone "?"; an empty cell marks none.
        await con.run(`CREATE TABLE r AS
            SELECT country, phase, node, R, E, S,
                   CASE WHEN g = '?' THEN 0 WHEN g = '' THEN 0
                        ELSE len(string_split(g, ';')) END AS marked,
                   (g <> '?')::INTEGER AS recorded
            FROM (SELECT *, coalesce(trim("groups"), '') AS g
                  FROM read_csv(${q(args.csv)}, header = true,
                       types = {'country': 'VARCHAR', 'phase': 'VARCHAR',
                                'node': 'VARCHAR', 'rater': 'VARCHAR',
                                'R': 'DOUBLE', 'E': 'DOUBLE', 'S': 'DOUBLE',
                                'groups': 'VARCHAR'}))`);
    }
    const [meta] = await all(con, `SELECT to_json(framework) AS f,
        to_json(countries) AS c, to_json(phases) AS p FROM doc`);
    const parse = v => (typeof v === 'string' ? JSON.parse(v) : v);
    return {edges: edgesOf(parse(meta.f)),
        countries: parse(meta.c).map(c => c.id),
        phases: parse(meta.p).map(p => p.id)};
}

async function score(con, base) {
    const {edges, countries, phases} = base;
    const values = (rows, f) => rows.map(f).join(', ');
    for (const t of ['fw', 'cp', 'scored', 'res'])
        await con.run(`DROP TABLE IF EXISTS ${t}`);
    await con.run(`CREATE TABLE fw (node VARCHAR, parent VARCHAR,
        weight DOUBLE, depth INTEGER, top VARCHAR, leaf BOOLEAN)`);
    await con.run(`INSERT INTO fw VALUES ${values(edges, e =>
        `(${q(e.node)}, ${e.parent === null ? 'NULL' : q(e.parent)}, ` +
        `${e.weight}, ${e.depth}, ${q(e.top)}, ${e.leaf})`)}`);
    await con.run(`CREATE TABLE cp AS SELECT * FROM
        (VALUES ${values(countries, c => `(${q(c)})`)}) c(country),
        (SELECT * FROM (VALUES ${values(phases, (p, i) => `(${q(p)}, ${i})`)})
         p(phase, phase_index))`);
    // Rules 1, 2, 6 for leaves.
    await con.run(`CREATE TABLE scored AS
        SELECT country, phase, node, avg(R) AS R, avg(E) AS E, avg(S) AS S,
               count(R) AS n_R, count(E) AS n_E, count(S) AS n_S,
               sum(marked)::DOUBLE AS num,
               sum(recorded)::DOUBLE * ${GROUPS} AS den,
               NULL::BIGINT AS missing_children,
               (avg(R) + avg(E) + avg(S)) / 3 AS value
        FROM r GROUP BY ALL`);
    // Rule 3, from the deepest level up: every node's children on the full
    // (country, phase) grid, absent children counting as missing.
    // The country is one more level: its children are the top nodes.
    await con.run(`INSERT INTO fw SELECT node, '', weight, -1, top, leaf
        FROM fw WHERE parent IS NULL`);
    const maxDepth = Math.max(0, ...edges.map(e => e.depth));
    for (let d = maxDepth - 1; d >= -1; d--) {
        const level = d >= 0
            ? `SELECT f.node, f.parent, f.weight FROM fw f JOIN fw p
                 ON f.parent = p.node AND p.depth = ${d}
                 AND p.parent IS DISTINCT FROM ''`
            : `SELECT node, '' AS parent, weight FROM fw WHERE parent = ''`;
        const mean = s => `sum(e.weight * c.${s}) FILTER (WHERE c.${s} IS NOT NULL)
            / nullif(sum(e.weight) FILTER (WHERE c.${s} IS NOT NULL), 0)`;
        await con.run(`INSERT INTO scored
            SELECT g.country, g.phase, e.parent,
                   ${CRITERIA.map(s => `${mean(s)} AS ${s}`).join(', ')},
                   NULL, NULL, NULL,
                   sum(c.num), sum(c.den),
                   count(*) FILTER (WHERE c.value IS NULL),
                   ${mean('value')}
            FROM (${level}) e CROSS JOIN cp g
            LEFT JOIN scored c ON c.country = g.country
                 AND c.phase = g.phase AND c.node = e.node
            GROUP BY g.country, g.phase, e.parent`);
    }
    // Rules 4, 5, 7, 8.
    const key = s => `round(CAST(CAST(${s} AS VARCHAR) AS DECIMAL(38, 17)), 2)`;
    const band = s => `CASE WHEN ${s} IS NULL THEN NULL ${BANDS.slice().reverse()
        .map(([l, f]) => `WHEN ${key(s)} >= ${f} THEN '${l}'`).join(' ')} END`;
    const several = countries.length > 1;
    await con.run(`CREATE TABLE res AS
        WITH s AS (
            SELECT s.*, p.phase_index,
                   coalesce(f.top, s.node) AS top,
                   CASE WHEN s.node = '' THEN 'country'
                        WHEN f.parent IS NULL THEN 'top'
                        ELSE f.top || '/' || f.depth END AS peer
            FROM scored s JOIN (SELECT DISTINCT phase, phase_index FROM cp) p
                 USING (phase)
            LEFT JOIN (SELECT * FROM fw WHERE parent IS DISTINCT FROM '') f
                 ON f.node = s.node
            WHERE s.R IS NOT NULL OR s.E IS NOT NULL OR s.S IS NOT NULL
               OR s.value IS NOT NULL),
        d AS (
            SELECT *, ${SLOTS.map(x => `${x} - lag(${x}) OVER w AS d_${x}`).join(', ')},
                   phase_index - lag(phase_index) OVER w AS step
            FROM s WINDOW w AS (PARTITION BY country, node ORDER BY phase_index))
        SELECT country, phase, node, value, ${band('value')} AS band,
               CASE WHEN step = 1 THEN d_value END AS delta,
               CASE WHEN peer = 'country' OR value IS NULL THEN NULL ELSE
                 rank() OVER (PARTITION BY country, phase, peer
                              ORDER BY ${key('value')} DESC NULLS LAST) END AS rank,
               ${several ? `CASE WHEN value IS NULL THEN NULL ELSE rank() OVER
                 (PARTITION BY phase, node ORDER BY ${key('value')} DESC
                  NULLS LAST) END` : 'NULL'} AS country_rank,
               ${CRITERIA.map(c => `${c}, n_${c}, ${band(c)} AS "${c}.band",
                 CASE WHEN step = 1 THEN d_${c} END AS "${c}.delta"`).join(', ')},
               num / nullif(den, 0) AS inclusion, missing_children
        FROM d`);
    const [{n}] = await all(con, 'SELECT count(*)::INTEGER AS n FROM res');
    return n;
}

async function main() {
    let argv = process.argv.slice(2), repeat = 1;
    if (argv[0] === '--repeat') {
        repeat = Number(argv[1]);
        argv = argv.slice(2);
    }
    const args = {};
    if (argv[0] === '--json' && argv.length === 3)
        [args.json, args.out] = [argv[1], argv[2]];
    else if (argv.length === 3)
        [args.base, args.csv, args.out] = argv;
    else
        usage();
    const instance = await DuckDBInstance.create(':memory:');
    const con = await instance.connect();
    const t0 = performance.now();
    const base = await load(con, args);
    const [{n}] = await all(con, 'SELECT count(*)::INTEGER AS n FROM r');
    const t1 = performance.now();
    let best = Infinity, results = 0;
    for (let k = 0; k < repeat; k++) {
        const t = performance.now();
        results = await score(con, base);
        best = Math.min(best, performance.now() - t);
    }
    const t2 = performance.now();
    await con.run(`COPY (SELECT * FROM res) TO ${q(args.out)}
        (HEADER, DELIMITER ',')`);
    const t3 = performance.now();
    console.log(JSON.stringify({load: (t1 - t0) / 1000, score: best / 1000,
        write: (t3 - t2) / 1000, ratings: n, results}));
}

await main();
