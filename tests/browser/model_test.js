// kgModel (viewer/model.js) on graphs small enough to work out by hand:
// date windows as graph/date.cpp's active_in, shortest paths as kg path
// --all-shortest, typo-tolerant search, and which links are followed; and
// kgLive's (viewer/live.js) merging of the live map's pieces and placing.
'use strict';
const assert = require('assert');
const model = require('../../viewer/model.js');

// a --funded(2015)--> b --funded(2017..2018)--> d
// a --knew(undated)--> c --competed(2016, symmetric)-- d
//
//   a ---> b ---> d
//    \           /
//     `--> c ---'   (c-d symmetric)
const data = {
  entities: ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id === 'a' ? 'Elon Musk' : id.toUpperCase(), type: 'person' })),
  relations: [
    { source: 0, target: 1, type: 'funded', date: '2015' },
    { source: 1, target: 3, type: 'funded', date: '2017', until: '2018-02' },
    { source: 0, target: 2, type: 'knew' },
    { source: 2, target: 3, type: 'competed', date: '2016-03' },
  ],
  relation_types: { competed: { symmetric: true } },
};
data.entities[0].aliases = ['Musk'];
const state = (extra) => Object.assign({ mode: 'all', undated: 'include', hiddenRelations: new Set(), hiddenEntities: new Set() }, extra);
const kept = (s) => data.relations.map((_, r) => r).filter((r) => model.keepsRelation(data, s, r));
const tests = [];
const test = (name, body) => tests.push([name, body]);

test('partial dates cover their year, month or day', () => {
  assert.deepStrictEqual(model.dayRange('2016'), [16801, 17166]);  // 2016-01-01 .. 2016-12-31 (leap year)
  assert.deepStrictEqual(model.dayRange('2016-02'), [16832, 16860]);  // 29 days
  assert.deepStrictEqual(model.dayRange('2016-02-29'), [16860, 16860]);
  assert.strictEqual(model.dayRange(''), null);
});

test('windows keep what began by their end and had not ended by their start; undated as chosen', () => {
  assert.deepStrictEqual(kept(state({ mode: 'asof', asOf: '2015' })), [0, 2]);
  assert.deepStrictEqual(kept(state({ mode: 'asof', asOf: '2016' })), [0, 2, 3]);
  assert.deepStrictEqual(kept(state({ mode: 'asof', asOf: '2018-03' })), [0, 2, 3]);  // ended 2018-02
  assert.deepStrictEqual(kept(state({ mode: 'between', from: '2018-02', to: '' })), [0, 1, 2, 3]);
  assert.deepStrictEqual(kept(state({ mode: 'asof', asOf: '2016', undated: 'exclude' })), [0, 3]);
  assert.deepStrictEqual(kept(state({ undated: 'only' })), [2]);
  assert.deepStrictEqual(kept(state({ hiddenRelations: new Set(['funded']) })), [2, 3]);
});

test('shortest paths: every one, parallel ones once, symmetric relations both ways', () => {
  const all = model.adjacency(data, () => true, 'out');
  assert.deepStrictEqual(model.shortestPaths(all, 0, 3, 50), [[0, 1, 3], [0, 2, 3]]);
  assert.deepStrictEqual(model.shortestPaths(all, 3, 0, 50), []);  // against the arrows
  const back = model.adjacency(data, () => true, 'in');
  assert.deepStrictEqual(model.shortestPaths(back, 3, 0, 50), [[3, 1, 0], [3, 2, 0]]);
  assert.deepStrictEqual(model.shortestPaths(back, 3, 2, 50), [[3, 2]]);  // c-d is symmetric
  const withoutFunding = model.adjacency(data, (r) => data.relations[r].type !== 'funded', 'out');
  assert.deepStrictEqual(model.shortestPaths(withoutFunding, 0, 3, 50), [[0, 2, 3]]);
  assert.deepStrictEqual(model.shortestPaths(all, 0, 3, 1).length, 1);
});

test('search tolerates typos and prefers exact, prefix and alias matches', () => {
  assert.deepStrictEqual(model.search(data, 'musk', 5), [0]);
  assert.deepStrictEqual(model.search(data, 'Elon Msuk', 5), [0]);  // a transposition
  assert.deepStrictEqual(model.search(data, 'elom', 5), [0]);
  assert.deepStrictEqual(model.search(data, 'zzzz', 5), []);
  assert.strictEqual(model.editDistance('kitten', 'sitting', 5), 3);
  assert.strictEqual(model.resolve(data, 'MUSK'), 0);
  assert.strictEqual(model.resolve(data, 'nobody at all'), -1);
});

test('only http(s) links are followed', () => {
  assert.strictEqual(model.safeUrl('https://example.org/x'), 'https://example.org/x');
  assert.strictEqual(model.safeUrl('javascript:alert(1)'), null);
  assert.strictEqual(model.safeUrl(' JavaScript:alert(1)'), null);
  assert.strictEqual(model.safeUrl('data:text/html,<b>'), null);
  assert.strictEqual(model.safeUrl('/relative'), null);
});

// kgLive (viewer/live.js): two pieces of one graph merged as the live map
// merges them, and where what is new is placed.
const live = require('../../viewer/live.js');
const pieceA = {
  name: 'g',
  entities: [{ id: 'a', name: 'A', type: 'person', degree: 2, emphasis: 'focus' }, { id: 'b', name: 'B', type: 'lab', degree: 1 }],
  relations: [{ key: 7, source: 0, target: 1, type: 'funded', date: '2015', evidence: [{ source: 0, quote: 'a paid b' }] }],
  sources: [{ id: 's1', title: 'one', url: '' }],
  relation_types: { funded: { symmetric: false } }, entity_types: { person: {}, lab: {} },
};
// Shares a and relation 7 with pieceA; cites s2 and s1 in its own order.
const pieceB = {
  name: 'g',
  entities: [{ id: 'c', name: 'C', type: 'person', degree: 1 }, { id: 'a', name: 'A', type: 'person', degree: 2 }],
  relations: [
    { key: 9, source: 1, target: 0, type: 'knew', evidence: [{ source: 0, quote: 'a knew c' }, { source: 1, quote: 'again' }] },
    { key: 7, source: 1, target: 0, type: 'funded', date: '2015', evidence: [] },
  ],
  sources: [{ id: 's2', title: 'two', url: '' }, { id: 's1', title: 'one', url: '' }],
  relation_types: { knew: { symmetric: true } }, entity_types: { person: {} },
};

test('pieces merge by entity id, relation key and source id, indices remapped', () => {
  const data = { entities: [], relations: [], sources: [], relation_types: {}, entity_types: {} };
  const index = live.indexes(data);
  assert.deepStrictEqual(live.merge(data, index, pieceA).added, { entities: [0, 1], relations: [0] });
  const second = live.merge(data, index, pieceB);
  assert.deepStrictEqual(second.added, { entities: [2], relations: [1] });  // a and relation 7 were held
  assert.deepStrictEqual(second.entityAt, [2, 0]);
  assert.deepStrictEqual(data.entities.map((e) => e.id), ['a', 'b', 'c']);
  assert.strictEqual(data.entities[0].emphasis, undefined);  // the page marks what it shows itself
  assert.deepStrictEqual(data.relations[1], { key: 9, source: 0, target: 2, type: 'knew',
    evidence: [{ source: 1, quote: 'a knew c' }, { source: 0, quote: 'again' }] });
  assert.deepStrictEqual(data.sources.map((s) => s.id), ['s1', 's2']);
  assert.deepStrictEqual(Object.keys(data.relation_types).sort(), ['funded', 'knew']);
  assert.strictEqual(data.name, 'g');
  assert.strictEqual(index.entities.get('c'), 2);
});

test('the first piece is placed around its start, later ones outwards from what they join', () => {
  const data = { entities: [], relations: [], sources: [], relation_types: {}, entity_types: {} };
  const index = live.indexes(data);
  live.place(data, live.merge(data, index, pieceA).added.entities, 0);
  assert.deepStrictEqual([data.entities[0].x, data.entities[0].y], [0, 0]);
  assert.strictEqual(Math.hypot(data.entities[1].x, data.entities[1].y), 220);  // the first ring
  live.place(data, live.merge(data, index, pieceB).added.entities, 2);
  const [a, b, c] = data.entities;
  assert.strictEqual(Math.round(Math.hypot(c.x - a.x, c.y - a.y)), 220);  // around a, which it joins
  // Away from the middle of a and b: on the side opposite b.
  const middle = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  assert((c.x - a.x) * (a.x - middle.x) + (c.y - a.y) * (a.y - middle.y) > 0, JSON.stringify(data.entities));
});

test('an exact match is an id, name or alias, ignoring case and accents; nothing else', () => {
  assert.strictEqual(model.exactMatch(data, 'elon MUSK'), 0);
  assert.strictEqual(model.exactMatch(data, 'musk'), 0);  // the alias
  assert.strictEqual(model.exactMatch(data, 'Elon Msuk'), -1);  // search would find it; an exact match does not
});

let failed = 0;
for (const [name, body] of tests) {
  try {
    body();
    console.log(`ok: ${name}`);
  } catch (error) {
    failed++;
    console.log(`FAILED: ${name}\n${error.stack}`);
  }
}
process.exit(failed ? 1 : 0);
