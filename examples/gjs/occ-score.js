// occ-score.js: score an occ-dataset/1 file with libocc through
// GObject-Introspection.
//
//     gjs -m occ-score.js DATASET
//
// Prints the scores as occ-results/1 JSON, the same document as
// `occ score --format=json DATASET`, built from the object API: the
// Occ.Results list model of Occ.Score and their getters, and
// Occ.Results.lookup_country for the countries' own scores.
//
// Inside `meson devenv -C build` it uses the uninstalled library; against
// an installed one, set GI_TYPELIB_PATH (to <libdir>/girepository-1.0) and
// LD_LIBRARY_PATH when the prefix is not a system one.
//
// SPDX-License-Identifier: LGPL-2.1-or-later

import GLib from 'gi://GLib';
import Occ from 'gi://Occ?version=1.0';
import System from 'system';

// The value, band and delta of a node or of one criterion.
function putSlot(entry, [hasValue, value], band, [hasDelta, delta]) {
    if (hasValue) {
        entry.value = value;
        if (band !== null)
            entry.band = band;
    }
    if (hasDelta)
        entry.delta = delta;
}

// One member of `scores` (or of `countries`, for a country's score).
function entryFor(score, methodology, nCountries) {
    const isCountry = score.get_node() === null;
    const entry = {country: score.get_country(), phase: score.get_phase()};
    if (!isCountry) {
        entry.node = score.get_node_id();
        entry.depth = score.get_depth();
    }
    putSlot(entry, score.get_value(), score.get_band(), score.get_delta());
    if (isCountry) {
        if (score.get_country_rank() > 0)
            entry.rank = score.get_country_rank();
    } else {
        if (score.get_rank() > 0)
            entry.rank = score.get_rank();
        if (nCountries > 1 && score.get_country_rank() > 0)
            entry.country_rank = score.get_country_rank();
    }
    const criteria = {};
    for (let c = 0; c < score.get_n_criteria(); c++) {
        const value = score.get_criterion_value(c);
        const n = score.get_criterion_n(c);
        if (!value[0] && n < 0)
            continue;
        const criterion = {};
        putSlot(criterion, value, score.get_criterion_band(c),
            score.get_criterion_delta(c));
        if (n >= 0)
            criterion.n = n;
        criteria[methodology.get_criterion_id(c)] = criterion;
    }
    entry.criteria = criteria;
    const [hasInclusion, inclusion] = score.get_inclusion();
    if (hasInclusion)
        entry.inclusion = inclusion;
    if (score.get_missing_children() >= 0)
        entry.missing_children = score.get_missing_children();
    return entry;
}

// The occ-results/1 document of `results`, as an object.
function resultsDocument(results) {
    const dataset = results.get_dataset();
    const methodology = dataset.get_methodology();
    const nCountries = dataset.get_n_countries();
    const scores = [];
    for (let i = 0; i < results.get_n_items(); i++)
        scores.push(entryFor(results.get_item(i), methodology, nCountries));
    const countries = [];
    for (let k = 0; k < nCountries; k++) {
        for (let p = 0; p < dataset.get_n_phases(); p++) {
            const score = results.lookup_country(dataset.get_country_id(k),
                dataset.get_phase_id(p));
            if (score !== null)
                countries.push(entryFor(score, methodology, nCountries));
        }
    }
    return {
        format: 'occ-results/1',
        methodology: methodology.get_id(),
        scores,
        countries,
    };
}

function main(args) {
    if (args.length !== 1) {
        printerr('usage: gjs -m occ-score.js DATASET');
        return 2;
    }
    let dataset;
    try {
        dataset = Occ.Dataset.new_from_file(args[0]);
    } catch (error) {
        if (!(error instanceof GLib.Error))
            throw error;
        printerr(error.message);
        return 1;
    }
    print(JSON.stringify(resultsDocument(Occ.Results.new(dataset)), null, 2));
    return 0;
}

System.exit(main(ARGV));
