// The evidence map's questions, apart from any drawing: which relations a
// time window and type filters keep (the same rules as kg's views), the
// shortest paths between two entities (as `kg path --all-shortest`), a
// neighbourhood, and a typo-tolerant name search (as kg's lookup). Plain
// functions over the page's data, so node can test them without a browser.
var kgModel = (function () {
  'use strict';

  // ---- dates: the days a partial ISO date covers ----
  function daysFromCivil(year, month, day) {
    return Math.floor(Date.UTC(year, month - 1, day) / 86400000);
  }

  // [first day, last day] of "2016", "2016-03" or "2016-03-14"; null when empty or unreadable.
  function dayRange(text) {
    if (!text) return null;
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
    if (!m) return null;
    var year = +m[1], month = m[2] ? +m[2] : 0, day = m[3] ? +m[3] : 0;
    if (day) return [daysFromCivil(year, month, day), daysFromCivil(year, month, day)];
    if (month) return [daysFromCivil(year, month, 1), daysFromCivil(year, month + 1, 1) - 1];
    return [daysFromCivil(year, 1, 1), daysFromCivil(year, 12, 31)];
  }

  // A relation is active in [from, to] when it does not begin after `to`
  // and does not end before `from` (graph/date.cpp, active_in). Either end
  // of the window may be open (null).
  function activeIn(relation, window) {
    var date = dayRange(relation.date), until = dayRange(relation.until);
    var from = window.from ? dayRange(window.from) : null, to = window.to ? dayRange(window.to) : null;
    if (to && date && date[0] > to[1]) return false;
    if (from && until && until[1] < from[0]) return false;
    return true;
  }

  // The window a state asks for, or null when it shows every date.
  function windowOf(state) {
    if (state.mode === 'asof' && state.asOf) return { from: state.asOf, to: state.asOf };
    if (state.mode === 'between' && (state.from || state.to)) return { from: state.from || null, to: state.to || null };
    return null;
  }

  // Whether relation `r` passes the type filters, the window and the rule
  // for undated relations (include: as any other, exclude, only).
  function keepsRelation(data, state, r) {
    var relation = data.relations[r];
    if (state.hiddenRelations.has(relation.type)) return false;
    var ends = [data.entities[relation.source], data.entities[relation.target]];
    if (state.hiddenEntities.has(ends[0].type) || state.hiddenEntities.has(ends[1].type)) return false;
    var undated = !relation.date && !relation.until;
    if (state.undated === 'exclude' && undated) return false;
    if (state.undated === 'only' && !undated) return false;
    var window = windowOf(state);
    return !window || activeIn(relation, window);
  }

  // Per entity, the steps a walk may take: {relation, next, forward}.
  // `out` follows source to target, `in` the reverse, `any` both; a
  // relation of a symmetric type is walked both ways whatever the direction.
  function adjacency(data, keep, direction) {
    var steps = data.entities.map(function () { return []; });
    data.relations.forEach(function (relation, r) {
      if (!keep(r)) return;
      var symmetric = (data.relation_types[relation.type] || {}).symmetric;
      if (direction !== 'in' || symmetric) steps[relation.source].push({ relation: r, next: relation.target, forward: true });
      if (direction !== 'out' || symmetric) steps[relation.target].push({ relation: r, next: relation.source, forward: false });
    });
    return steps;
  }

  // Steps from `start` to every entity reached within maxDepth (Infinity for no bound).
  function distances(steps, start, maxDepth) {
    var distance = new Array(steps.length).fill(-1);
    var queue = [start];
    distance[start] = 0;
    for (var head = 0; head < queue.length; ++head) {
      var e = queue[head];
      if (distance[e] >= maxDepth) continue;
      steps[e].forEach(function (step) {
        if (distance[step.next] !== -1) return;
        distance[step.next] = distance[e] + 1;
        queue.push(step.next);
      });
    }
    return distance;
  }

  // Every shortest path from `from` to `to` as entity sequences (parallel
  // relations between the same two entities make one path, as kg path
  // reports them), at most `limit` of them, in a stable order.
  function shortestPaths(steps, from, to, limit) {
    var toTarget = distances(reverse(steps), to, Infinity);
    if (toTarget[from] === -1) return [];
    var paths = [];
    (function extend(path) {
      if (paths.length >= limit) return;
      var last = path[path.length - 1];
      if (last === to) {
        paths.push(path.slice());
        return;
      }
      var seen = new Set();
      steps[last].forEach(function (step) {
        if (seen.has(step.next) || toTarget[step.next] !== toTarget[last] - 1) return;
        seen.add(step.next);
        path.push(step.next);
        extend(path);
        path.pop();
      });
    })([from]);
    return paths;
  }

  function reverse(steps) {
    var reversed = steps.map(function () { return []; });
    steps.forEach(function (list, e) {
      list.forEach(function (step) { reversed[step.next].push({ relation: step.relation, next: e, forward: !step.forward }); });
    });
    return reversed;
  }

  // The relations that make the step from `a` to `b`.
  function stepRelations(steps, a, b) {
    return steps[a].filter(function (step) { return step.next === b; });
  }

  // ---- names: lower case, accents and punctuation dropped ----
  function normalise(text) {
    return String(text).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  }

  // Edit distance with transpositions (optimal string alignment), stopping early past `bound`.
  function editDistance(a, b, bound) {
    if (Math.abs(a.length - b.length) > bound) return bound + 1;
    var previous2 = null, previous = [], current;
    for (var j = 0; j <= b.length; ++j) previous.push(j);
    for (var i = 1; i <= a.length; ++i) {
      current = [i];
      var best = i;
      for (var k = 1; k <= b.length; ++k) {
        var cost = a[i - 1] === b[k - 1] ? 0 : 1;
        var value = Math.min(previous[k] + 1, current[k - 1] + 1, previous[k - 1] + cost);
        if (previous2 && i > 1 && k > 1 && a[i - 1] === b[k - 2] && a[i - 2] === b[k - 1]) value = Math.min(value, previous2[k - 2] + 1);
        current.push(value);
        best = Math.min(best, value);
      }
      if (best > bound) return bound + 1;
      previous2 = previous;
      previous = current;
    }
    return previous[b.length];
  }

  // Entities whose name, id or an alias matches `query`, best first:
  // exact, then prefix, then a word prefix or substring, then within a
  // few typos (one per four letters, at least one).
  function search(data, query, limit) {
    var q = normalise(query);
    if (!q) return [];
    var bound = Math.max(1, Math.floor(q.length / 4));
    var found = [];
    data.entities.forEach(function (entity, index) {
      var best = Infinity;
      [entity.name, entity.id].concat(entity.aliases || []).forEach(function (label) {
        var text = normalise(label);
        var score;
        if (text === q) score = 0;
        else if (text.startsWith(q)) score = 1;
        else if (text.indexOf(' ' + q) !== -1) score = 2;
        else if (text.indexOf(q) !== -1) score = 3;
        else {
          var distance = editDistance(q, text, bound);
          if (distance > bound) {
            // A typo in one word of a longer name: compare word by word.
            text.split(' ').forEach(function (word) { distance = Math.min(distance, editDistance(q, word, bound)); });
          }
          score = distance <= bound ? 3 + distance : Infinity;
        }
        best = Math.min(best, score);
      });
      if (best !== Infinity) found.push({ index: index, score: best });
    });
    found.sort(function (a, b) {
      return a.score - b.score || data.entities[a.index].name.localeCompare(data.entities[b.index].name);
    });
    return found.slice(0, limit).map(function (hit) { return hit.index; });
  }

  // The entity whose id, name or alias is `text` (ignoring case, accents
  // and punctuation); -1 when none is.
  function exactMatch(data, text) {
    var q = normalise(text);
    for (var i = 0; i < data.entities.length; ++i) {
      var entity = data.entities[i];
      if ([entity.id, entity.name].concat(entity.aliases || []).some(function (label) { return normalise(label) === q; })) return i;
    }
    return -1;
  }

  // The entity a typed name means: id, name or alias exactly (ignoring
  // case), else the best search hit; -1 when nothing matches.
  function resolve(data, text) {
    var exact = exactMatch(data, text);
    if (exact >= 0) return exact;
    var hits = search(data, text, 1);
    return hits.length ? hits[0] : -1;
  }

  // Only http(s) links are followed; anything else (javascript:, data:,
  // relative paths) is shown as text.
  function safeUrl(text) {
    try {
      var url = new URL(text);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  return {
    dayRange: dayRange, activeIn: activeIn, windowOf: windowOf, keepsRelation: keepsRelation,
    adjacency: adjacency, distances: distances, shortestPaths: shortestPaths, stepRelations: stepRelations,
    normalise: normalise, editDistance: editDistance, search: search, exactMatch: exactMatch, resolve: resolve,
    safeUrl: safeUrl
  };
})();

if (typeof module !== 'undefined') module.exports = kgModel;
