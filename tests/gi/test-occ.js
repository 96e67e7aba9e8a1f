// libocc through GObject-Introspection and GJS.
//
//     gjs -m test-occ.js
//
// Run by `meson test --suite gi` with GI_TYPELIB_PATH and LD_LIBRARY_PATH
// pointing at the uninstalled Occ-1.0.typelib and libocc.so, OCC_SRCDIR at
// the source tree. Prints TAP; exits non-zero when a check fails.
//
// SPDX-License-Identifier: LGPL-2.1-or-later

import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import GObject from 'gi://GObject';
import Occ from 'gi://Occ?version=1.0';
import System from 'system';

const SRCDIR = GLib.getenv('OCC_SRCDIR') ??
    GLib.build_filenamev([GLib.path_get_dirname(
        GLib.filename_from_uri(import.meta.url)[0]), '..', '..']);
const PERU = GLib.build_filenamev([SRCDIR, 'examples', 'data', 'peru-2024.json']);
const FAULTS = GLib.build_filenamev([SRCDIR, 'tests', 'faults']);

// A small assertion harness.
const tests = [];
function test(name, fn) {
    tests.push([name, fn]);
}
function fail(message) {
    throw new Error(message);
}
function assert(condition, message = 'assertion failed') {
    if (!condition)
        fail(message);
}
function eq(actual, expected, what = '') {
    const a = JSON.stringify(actual), e = JSON.stringify(expected);
    if (a !== e)
        fail(`${what}: expected ${e}, got ${a}`);
}
function close(actual, printed, what = '') {
    if (typeof actual !== 'number' || Math.abs(actual - printed) > 0.005 + 1e-9)
        fail(`${what}: expected ${printed} within 0.005, got ${actual}`);
}
function throws(fn, check) {
    try {
        fn();
    } catch (error) {
        check(error);
        return;
    }
    fail('no exception');
}
function items(model) {
    const list = [];
    for (let i = 0; i < model.get_n_items(); i++)
        list.push(model.get_item(i));
    return list;
}
const nodeIds = model => items(model).map(s => s.get_node_id());

const peru = Occ.Dataset.new_from_file(PERU);
const results = Occ.Results.new(peru);

test('version', () => {
    eq(Occ.get_version(), `${Occ.get_major_version()}.${
        Occ.get_minor_version()}.${Occ.get_micro_version()}`, 'version');
});

test('types', () => {
    assert(peru instanceof Occ.Dataset && peru instanceof GObject.Object);
    assert(results instanceof Gio.ListModel, 'Results is a Gio.ListModel');
    eq(results.get_item_type(), Occ.Score.$gtype, 'item type');
    eq(Occ.ScaleKind.NUMERIC, 0, 'ScaleKind.NUMERIC');
    eq(Occ.Error.RANGE, 3, 'Error.RANGE');
});

test('§7 best IX theme', () => {
    const best = results.get_best('PE', '2024', 'IX.A');
    assert(best instanceof Gio.ListModel);
    eq(nodeIds(best), ['IX.B'], 'best IX theme');
    const [ok, value] = best.get_item(0).get_value();
    assert(ok);
    close(value, 2.94, 'IX.B');
    eq(best.get_item(0).get_band(), 'high', 'IX.B band');
    eq(best.get_item(0).get_rank(), 1, 'IX.B rank');
});

test('§7 best and worst VIII leaf', () => {
    const best = results.get_best('PE', '2024', 'VIII.2');
    const worst = results.get_worst('PE', '2024', 'VIII.37');
    eq(nodeIds(best), ['VIII.37'], 'best');
    eq(nodeIds(worst), ['VIII.2'], 'worst');
    close(best.get_item(0).get_value()[1], 2.28, 'VIII.37');
    close(worst.get_item(0).get_value()[1], 0.17, 'VIII.2');
    eq(nodeIds(results.get_best('PE', '2024', null)), ['IX'], 'best summit');
    eq(results.get_best('XX', '2024', null).get_n_items(), 0, 'unknown');
});

test('§7 (revision 2) best IX commitment, and labels', () => {
    // Commitments are peers with or without sub-commitments.
    for (const peer of ['IX.A.4', 'IX.A.3'])
        eq(nodeIds(results.get_best('PE', '2024', peer)), ['IX.C.3'], peer);
    eq(results.lookup('PE', '2024', 'IX.B.9').get_rank(), 2, 'IX.B.9');
    const m = peru.get_methodology();
    eq(m.get_level_label(2, 'es'), 'Compromiso', 'level');
    eq(m.get_level_label(9, null), null, 'no level');
    eq(m.get_localized_criterion_label(0, 'pt-BR'), 'Relevância', 'R in pt');
    eq(m.get_localized_band_label(m.lookup_band('medium-high'), 'fr'),
        'moyen-élevé', 'band in fr');
    eq(peru.lookup_node('IX.B').get_localized_label('es'),
        peru.lookup_node('IX.B').get_label(), 'no es label: the label');
});

test('§7 phase 1 averages and §5 example', () => {
    close(results.lookup('PE', '2022', 'VIII.25').get_value()[1], 2.05, '25');
    close(results.lookup('PE', '2022', 'VIII.37').get_value()[1], 1.98, '37');
    close(results.lookup('PE', '2022', 'VIII.41').get_value()[1], 2.05, '41');
    const m = peru.get_methodology();
    const leaf = results.lookup('PE', '2024', 'VIII.25');
    close(leaf.get_value()[1], 1.29, 'value');
    eq(leaf.get_band(), 'low', 'band');
    const [hasDelta, delta] = leaf.get_delta();
    assert(hasDelta);
    close(delta, -0.76, 'delta');
    eq(leaf.get_rank(), 6, 'rank');
    eq(leaf.get_depth(), 2, 'depth');
    eq(leaf.get_missing_children(), -1, 'missing');
    const [r, e, s] = ['R', 'E', 'S'].map(c => m.lookup_criterion(c));
    close(leaf.get_criterion_delta(r)[1], 0.81, 'R delta');
    close(leaf.get_criterion_delta(e)[1], -1.17, 'E delta');
    close(leaf.get_criterion_delta(s)[1], -1.92, 'S delta');
    eq(leaf.get_criterion_band(r), 'high', 'R band');
    eq(leaf.get_criterion_n(r), -1, 'R n');
    const theme = results.lookup('PE', '2024', 'VIII.T3');
    eq(theme.get_rank(), 3, 'theme rank');
    eq(theme.get_missing_children(), 0, 'theme missing');
    const [hasInclusion, inclusion] =
        results.lookup('PE', '2024', 'VIII.7').get_inclusion();
    assert(hasInclusion);
    close(inclusion, 0.46, 'inclusion');
    eq(leaf.get_inclusion()[0], false, 'no inclusion');
});

test('lookups', () => {
    eq(results.lookup('PE', '2022', 'IX.B'), null, 'not in 2022');
    eq(results.lookup('XX', '2024', 'IX.B'), null, 'unknown country');
    eq(results.lookup('PE', '2024', 'nope'), null, 'unknown node');
    const country = results.lookup_country('PE', '2024');
    eq(country.get_node(), null, 'country node');
    eq(country.get_node_id(), null, 'country node id');
    eq(country.get_depth(), -1, 'country depth');
    eq(country.get_country_rank(), 1, 'country rank');
    eq(results.lookup_country('PE', '1999'), null, 'unknown phase');
    eq(peru.lookup_node('missing'), null, 'lookup_node');
    eq(peru.lookup_country('PE'), 0, 'lookup_country');
    eq(peru.lookup_phase('x'), -1, 'lookup_phase');
});

test('GListModel iteration', () => {
    const all = items(results);
    assert(all.length > 0 && all.every(s => s instanceof Occ.Score));
    eq(results.get_item(all.length), null, 'past the end');
    const [text] = results.to_data();
    const doc = JSON.parse(text);
    eq(all.map(s => [s.get_country(), s.get_phase(), s.get_node_id()]),
        doc.scores.map(e => [e.country, e.phase, e.node]), 'order');
    eq(results.get_dataset(), peru, 'dataset');
    if (Symbol.iterator in results) {  // GJS >= 1.76
        eq([...results].length, all.length, 'for..of');
    }
});

test('framework and children', () => {
    const framework = peru.get_framework();
    eq(framework.get_item_type(), Occ.Node.$gtype, 'item type');
    eq(items(framework).map(n => n.get_id()), ['VIII', 'IX'], 'summits');
    const seen = [];
    const walk = (model, depth, parent) => {
        for (const node of items(model)) {
            eq(node.get_depth(), depth, node.get_id());
            assert(node.get_parent() === parent, `${node.get_id()} parent`);
            assert(node.get_top() === (parent ? parent.get_top() : node));
            assert(peru.get_node(node.get_index()) === node);
            eq(node.is_leaf(), node.get_children().get_n_items() === 0);
            seen.push(node.get_index());
            walk(node.get_children(), depth + 1, node);
        }
    };
    walk(framework, 0, null);
    eq(seen, [...Array(peru.get_n_nodes()).keys()], 'pre-order');
    const leaf = peru.lookup_node('IX.A.12.A');
    eq(leaf.get_label(), 'Commitment 12.A', 'label');
    assert(leaf.get_text().startsWith('Promote gender equity'));
    eq(peru.lookup_node('VIII').get_text(), null, 'no text');
    eq(leaf.get_weight(), 1, 'weight');
});

test('bulk arrays', () => {
    const rated = Occ.Dataset.new_from_data(JSON.stringify({
        format: 'occ-dataset/1', methodology: 'cco-2024',
        countries: [{id: 'AR'}], phases: [{id: 'p1'}],
        framework: [{id: 'T', children: [{id: 'L1'}, {id: 'L2'}]}],
        raters: [{id: 'r1'}, {id: 'r2'}],
        ratings: [
            {country: 'AR', phase: 'p1', node: 'L1', rater: 'r1',
                scores: {R: 2, E: 1, S: null}, groups: ['women', 'rural']},
            {country: 'AR', phase: 'p1', node: 'L2', rater: 'r2',
                scores: {R: 3, E: 2, S: 1}},
        ],
        published: [{country: 'AR', phase: 'p1', node: 'L2',
            scores: {R: 1.5, E: null, S: 2.5}, raters: 3, inclusion: 0.5}],
    }), -1);
    const nodes = rated.get_rating_indices(Occ.RatingField.NODE);
    eq(Array.from(nodes).map(i => rated.get_node(i).get_id()), ['L1', 'L2']);
    eq(Array.from(rated.get_rating_indices(Occ.RatingField.RATER)), [0, 1]);
    const m = rated.get_methodology();
    const [scores, mask] = rated.dup_rating_scores(m.lookup_criterion('S'));
    eq(Array.from(scores), [0, 1], 'scores');
    assert(mask instanceof Uint8Array, 'mask is a Uint8Array');
    eq(Array.from(mask), [0, 1], 'mask');
    eq(Array.from(rated.dup_rating_group_counts()), [2, 0], 'group counts');
    eq(Array.from(rated.get_rating_groups(0))
        .map(g => m.get_population_group_id(g)), ['women', 'rural'], 'groups');
    const [pub, present] = rated.dup_published_scores(m.lookup_criterion('E'));
    eq([Array.from(pub), Array.from(present)], [[0], [0]], 'published');
    eq(rated.get_published_raters(0), 3, 'published raters');
    eq(rated.get_published_inclusion(0), [true, 0.5], 'published inclusion');
    const r = Occ.Results.new(rated);
    const [values, has] = r.dup_values(0, 0, -1);
    eq(values.length, rated.get_n_nodes(), 'values');
    eq(Array.from(has), [1, 0, 1], 'present');  // L1's S is null
    eq(r.lookup('AR', 'p1', 'L1').get_criterion_n(0), 1, 'n');
});

test('methodology', () => {
    assert(Occ.Methodology.list_builtin().includes('cco-2024'));
    const m = Occ.Methodology.new_builtin('cco-2024');
    eq(m.get_scale_kind(), Occ.ScaleKind.NUMERIC, 'scale kind');
    eq([m.get_scale_min(), m.get_scale_max()], [0, 3], 'scale');
    eq(m.get_aggregation(Occ.Level.CHILDREN), Occ.Aggregation.MEAN);
    eq(m.band_for_value(2.8), 'high', 'band');
    eq(m.band_for_value(-1), null, 'below every band');
    eq(m.format_value(2.675), '2.68', 'format_value');
    const [text, length] = m.to_data();
    eq(typeof text, 'string', 'to_data');
    eq(length, new TextEncoder().encode(text).length, 'length');
    const obj = JSON.parse(text);
    obj.id = 'mine';
    obj.precision = 1;
    const mine = Occ.Methodology.new_from_data(JSON.stringify(obj), -1);
    eq([mine.get_id(), mine.get_precision()], ['mine', 1], 'from data');
});

test('errors are GLib.Error with the message', () => {
    const lines = new TextDecoder().decode(
        GLib.file_get_contents(`${FAULTS}/index.tests`)[1]).split('\n');
    let checked = 0;
    for (const line of lines) {
        if (line.startsWith('#') || line.trim() === '')
            continue;
        const [name, code, place = ''] = line.split('\t');
        const path = `${FAULTS}/${name}`;
        if (code === 'VALID') {
            Occ.Dataset.new_from_file(path);
            continue;
        }
        throws(() => Occ.Dataset.new_from_file(path), error => {
            assert(error instanceof GLib.Error, `${name}: not a GLib.Error`);
            assert(error.matches(Occ.Error, Occ.Error[code]),
                `${name}: expected ${code}, got ${error.code}: ${error.message}`);
            eq(error.domain, Occ.error_quark(), `${name} domain`);
            assert(error.message.startsWith(`${path}:`), error.message);
            assert(error.message.includes(place), error.message);
        });
        checked++;
    }
    assert(checked > 50, `only ${checked} faults`);
    throws(() => Occ.Dataset.new_from_data(JSON.stringify({
        format: 'occ-dataset/1', methodology: 'cco-2024',
        countries: [{id: 'PE'}], phases: [{id: '1'}],
        framework: [{id: 'L'}], raters: [{id: 'r'}],
        ratings: [{country: 'PE', phase: '1', node: 'L', rater: 'r',
            scores: {R: 4}}],
    }), -1), error => {
        assert(error.matches(Occ.Error, Occ.Error.RANGE), error.message);
        assert(/^<data>:1:\d+: ratings\[0\]\.scores\.R: /.test(error.message),
            error.message);
        const [located, source, line, column] = Occ.error_get_location(error);
        assert(located && source === '<data>' && line === 1 && column > 1,
            `${located} ${source} ${line} ${column}`);
        eq(Occ.error_get_path(error), 'ratings[0].scores.R', 'error path');
        eq(Occ.error_get_rule(error), '4 is outside the scale 0..3',
            'error rule');
    });
    throws(() => Occ.Methodology.new_builtin('nope'), error => {
        assert(error.matches(Occ.Error, Occ.Error.UNKNOWN_ID), error.message);
    });
    throws(() => Occ.Dataset.new_from_file('/nonexistent/x.json'), error => {
        assert(error.matches(GLib.FileError, GLib.FileError.NOENT));
    });
});

test('round trip and save', () => {
    const [text] = peru.to_data();
    const again = Occ.Dataset.new_from_data(text, -1);
    eq(again.to_data()[0], text, 'to_data → new_from_data');
    eq(Occ.Results.new(again).to_data()[0], results.to_data()[0], 'results');
    const bytes = new TextEncoder().encode(text);
    eq(Occ.Dataset.new_from_bytes(bytes).to_data()[0], text, 'from bytes');
    const dir = GLib.dir_make_tmp('occ-gjs-XXXXXX');
    const path = GLib.build_filenamev([dir, 'saved.json']);
    try {
        assert(peru.save_to_file(path));
        eq(Occ.Dataset.new_from_file(path).to_data()[0], text, 'saved');
    } finally {
        GLib.unlink(path);
        GLib.rmdir(dir);
    }
});

test('IRM: levels, flags, summaries and the audit', () => {
    const data = n => GLib.build_filenamev([SRCDIR, 'examples', 'data', n]);
    const irm = Occ.Dataset.new_from_file(data('peru-irm-2017.json'));
    const m = irm.get_methodology();
    eq(m.get_scale_kind(), Occ.ScaleKind.CATEGORICAL, 'kind');
    const r = Occ.Results.new(irm);
    const ap3 = r.lookup('PE', '2017-2019', 'AP3');
    const x = m.lookup_summary('relevant');
    const [ok, count, unknown, of, percent] = ap3.get_summary(x);
    assert(ok);
    eq([count, unknown, of], [16, 0, 18], 'relevant');
    eq(percent, 88.88888888888889, 'percent');
    const c = m.lookup_criterion('completion');
    const leaf = r.lookup('PE', '2017-2019', 'AP3.16');
    eq(leaf.get_level_id(c), 'no-evidence', 'unranked level');
    eq(leaf.get_flag(m.lookup_flag('relevant')), Occ.Truth.TRUE, 'flag');
    const peruResults = Occ.Results.new(peru);
    const audit = Occ.Audit.new_from_file(peruResults,
        data('peru-2024-claims.json'));
    eq(audit.count(Occ.Verdict.HOLDS), 5, 'holds');
    eq(audit.count(Occ.Verdict.CONTRADICTED), 9, 'contradicted');
    const last = audit.get_n_claims() - 1;
    eq(audit.get_verdict(last), Occ.Verdict.CONTRADICTED, 'verdict');
    eq(JSON.parse(audit.to_data(null)[0]).counts.holds, 5, 'occ-audit/1');
});

let failed = 0;
print(`1..${tests.length}`);
tests.forEach(([name, fn], i) => {
    try {
        fn();
        print(`ok ${i + 1} - ${name}`);
    } catch (error) {
        failed++;
        print(`not ok ${i + 1} - ${name}`);
        for (const line of `${error}\n${error.stack ?? ''}`.split('\n'))
            print(`# ${line}`);
    }
});
System.exit(failed ? 1 : 0);
