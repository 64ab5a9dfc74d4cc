// The evidence map's live mode (kg serve's page at /; docs/VIEWER.md, "Live
// mode"): the page starts with no graph and asks the API beside it for
// pieces (/api/v1/subgraph answers in the map's own model, capped at a
// limit), merges each into its data and places what is new next to what it
// joins. The rest of the page works on what it holds, as on a static map.
// Plain functions over the page's data, apart from fetch, so node can test
// the merge and the placement without a browser.
var kgLive = (function () {
  'use strict';

  // The most entities the page holds: past it a map stops being smooth
  // (query/render_html.hpp, kMostMapEntities), so it asks for a new map.
  var MOST_ENTITIES = 3000;
  // The query parameters that say which piece to fetch; the page passes
  // every other one of its own URL (filters, limit) to each fetch.
  var PIECE_PARAMETERS = ['focus', 'path', 'depth', 'k'];
  var TOKEN_KEY = 'kg-token';

  // ---- merging: entities by id, relations by key, sources by id ----

  // Indexes of what `data` holds, kept up to date by merge().
  function indexes(data) {
    var index = { entities: new Map(), relations: new Map(), sources: new Map() };
    data.entities.forEach(function (entity, e) { index.entities.set(entity.id, e); });
    data.relations.forEach(function (relation, r) { if (relation.key !== undefined) index.relations.set(relation.key, r); });
    data.sources.forEach(function (source, s) { index.sources.set(source.id, s); });
    return index;
  }

  // Adds to `data` what `piece` holds that it does not (the arrays grow;
  // indices already given keep their meaning). Emphasis and positions of
  // the piece are dropped: the page marks and places what it shows itself.
  // Returns the indices added and, per entity of the piece, its index in `data`.
  function merge(data, index, piece) {
    var added = { entities: [], relations: [] };
    var entityAt = piece.entities.map(function (entity) {
      if (index.entities.has(entity.id)) return index.entities.get(entity.id);
      var copy = { id: entity.id, name: entity.name, type: entity.type };
      if (entity.aliases) copy.aliases = entity.aliases;
      if (entity.degree !== undefined) copy.degree = entity.degree;
      data.entities.push(copy);
      index.entities.set(entity.id, data.entities.length - 1);
      added.entities.push(data.entities.length - 1);
      return data.entities.length - 1;
    });
    var sourceAt = piece.sources.map(function (source) {
      if (!index.sources.has(source.id)) {
        data.sources.push(source);
        index.sources.set(source.id, data.sources.length - 1);
      }
      return index.sources.get(source.id);
    });
    piece.relations.forEach(function (relation) {
      if (index.relations.has(relation.key)) return;
      var copy = { key: relation.key, source: entityAt[relation.source], target: entityAt[relation.target], type: relation.type,
        evidence: relation.evidence.map(function (evidence) { return { source: sourceAt[evidence.source], quote: evidence.quote }; }) };
      if (relation.date) copy.date = relation.date;
      if (relation.until) copy.until = relation.until;
      data.relations.push(copy);
      index.relations.set(relation.key, data.relations.length - 1);
      added.relations.push(data.relations.length - 1);
    });
    ['relation_types', 'entity_types'].forEach(function (table) { Object.assign(data[table], piece[table]); });
    if (!data.name) data.name = piece.name;
    return { added: added, entityAt: entityAt };
  }

  // ---- placing: new entities in rings around a placed one they join ----
  // Rings far enough apart for the names between them, entities along a
  // ring about the width of a name apart.
  var FIRST_RING = 220, RING_STEP = 90, SPACING = 110;

  // Around `centre`, over `fan` radians facing `facing`, ring after ring,
  // each holding as many as its length allows at SPACING apart.
  function placeAround(centre, children, facing, fan) {
    var ring = 0, done = 0;
    while (done < children.length) {
      var radius = FIRST_RING + ring * RING_STEP;
      var room = Math.max(1, Math.floor(fan * radius / SPACING));
      var count = Math.min(room, children.length - done);
      for (var i = 0; i < count; ++i) {
        // A full circle spreads them evenly; a fan centres them on `facing`.
        var angle = fan >= 2 * Math.PI ? facing + 2 * Math.PI * i / count
          : facing + (count === 1 ? 0 : fan * (i / (count - 1) - 0.5));
        children[done + i].x = Math.round(centre.x + radius * Math.cos(angle));
        children[done + i].y = Math.round(centre.y + radius * Math.sin(angle));
      }
      done += count;
      ++ring;
    }
  }

  // Gives a position to each of the entities `fresh` (indices into data):
  // breadth first from the entities already placed, each placed one's new
  // neighbours around it, on the side away from the middle of the drawing.
  // When nothing is placed yet, `start` goes in the middle.
  function place(data, fresh, start) {
    var pending = new Set(fresh);
    if (!pending.size) return;
    var links = new Map();
    var link = function (a, b) {
      if (!pending.has(b)) return;
      if (!links.has(a)) links.set(a, []);
      links.get(a).push(b);
    };
    data.relations.forEach(function (relation) {
      link(relation.source, relation.target);
      link(relation.target, relation.source);
    });
    var placed = data.entities.filter(function (entity) { return entity.x !== undefined; });
    var middle = { x: 0, y: 0 };
    if (placed.length) {
      placed.forEach(function (entity) { middle.x += entity.x; middle.y += entity.y; });
      middle = { x: middle.x / placed.length, y: middle.y / placed.length };
    } else {
      var first = pending.has(start) ? start : fresh[0];
      data.entities[first].x = 0;
      data.entities[first].y = 0;
      pending.delete(first);
    }
    var frontier = data.entities.map(function (entity, e) { return e; }).filter(function (e) { return data.entities[e].x !== undefined; });
    while (pending.size && frontier.length) {
      var next = [];
      frontier.forEach(function (parent) {
        var children = (links.get(parent) || []).filter(function (e) { return pending.has(e); })
          .filter(function (e, i, list) { return list.indexOf(e) === i; });
        if (!children.length) return;
        children.forEach(function (e) { pending.delete(e); });
        var p = data.entities[parent];
        var dx = p.x - middle.x, dy = p.y - middle.y;
        var alone = Math.abs(dx) < 1 && Math.abs(dy) < 1;
        placeAround(p, children.map(function (e) { return data.entities[e]; }), alone ? 0 : Math.atan2(dy, dx),
          alone ? 2 * Math.PI : Math.PI);
        next = next.concat(children);
      });
      frontier = next;
    }
    // Joined to nothing drawn (a relation cap left their link out): below the rest.
    if (pending.size) {
      var bottom = Math.max.apply(null, data.entities.filter(function (entity) { return entity.x !== undefined; })
        .map(function (entity) { return entity.y; }));
      Array.from(pending).forEach(function (e, i) {
        data.entities[e].x = (i % 10) * 160;
        data.entities[e].y = bottom + 120 + Math.floor(i / 10) * 60;
      });
    }
  }

  // ---- talking to the server ----

  // A token from the URL fragment (#token=T), kept for the tab and taken
  // out of the URL so that it is neither bookmarked nor shown; fragments
  // never reach the server or its log.
  function takeToken() {
    var fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
    if (fragment.has('token')) {
      try { sessionStorage.setItem(TOKEN_KEY, fragment.get('token')); } catch (e) { /* storage off: this load only */ }
      var token = fragment.get('token');
      fragment.delete('token');
      history.replaceState(null, '', location.pathname + location.search + (fragment.toString() ? '#' + fragment.toString() : ''));
      return token;
    }
    try { return sessionStorage.getItem(TOKEN_KEY) || ''; } catch (e) { return ''; }
  }

  // An error as the page says it: the server's own message, its
  // suggestions, and what to do about a missing token.
  function failure(status, body) {
    var message = (body && body.error) || 'the server answered ' + status;
    if (body && body.suggestions && body.suggestions.length) message += ' (did you mean ' + body.suggestions.join(', ') + '?)';
    if (status === 401) message += ': open the page as ' + location.origin + location.pathname + '#token=TOKEN';
    var error = new Error(message);
    error.status = status;
    return error;
  }

  function client(apiBase) {
    var token = takeToken();
    var own = new URLSearchParams(location.search);
    PIECE_PARAMETERS.forEach(function (name) { own.delete(name); });

    // GET api/v1/<endpoint>?<parameters>: the answer's JSON, or an Error
    // with the server's message.
    function get(endpoint, parameters) {
      var query = new URLSearchParams(parameters);
      var headers = { Accept: 'application/json' };
      if (token) headers.Authorization = 'Bearer ' + token;
      return fetch(apiBase + endpoint + '?' + query.toString(), { headers: headers, credentials: 'omit' })
        .catch(function (error) { throw failure(0, { error: 'the server cannot be reached (' + error.message + ')' }); })
        .then(function (response) {
          return response.json().catch(function () { return null; }).then(function (body) {
            if (!response.ok || !body) throw failure(response.status, body);
            return body;
          });
        });
    }

    // A piece: `which` names it (focus, path, depth, k); the page's own
    // parameters (filters, limit) go with it, `direction` as the page says.
    function piece(which, direction) {
      var parameters = new URLSearchParams(own);
      Object.keys(which).forEach(function (name) { parameters.set(name, which[name]); });
      if (direction) parameters.set('direction', direction);
      return get('subgraph', parameters);
    }

    // The page's first piece: what its own URL asks for.
    function firstPiece() {
      var parameters = new URLSearchParams(location.search);
      return get('subgraph', parameters);
    }

    function searchNames(text, limit) {
      return get('entities', { text: text, 'in': 'names', limit: String(limit) }).then(function (found) { return found.entities; });
    }

    // A URL of this page that starts a new map at entity `id`.
    function mapFrom(id) {
      var parameters = new URLSearchParams(own);
      parameters.set('focus', id);
      return location.pathname + '?' + parameters.toString();
    }

    return { piece: piece, firstPiece: firstPiece, searchNames: searchNames, mapFrom: mapFrom,
      direction: new URLSearchParams(location.search).get('direction') };
  }

  // ---- the live map in the page ----

  // What the live map does in the page: the first piece, an entity's
  // neighbours, the path box's paths. `page` is what it needs of the page
  // (viewer.js): data, index (indexes(data)), state, cy, drawing, apply(),
  // select(e, centre), refresh(added) (legend, time sliders, names) and
  // restore(initial) (the state from the URL fragment, else `initial`).
  function session(server, page) {
    var $ = kgDom.byId, element = kgDom.element, clear = kgDom.clear;
    var data = page.data, entities = data.entities, cy = page.cy, state = page.state;
    var fetching = 0;  // pieces asked for and not merged yet

    // What the map says about its last fetch, with a link to go on.
    function status(text, link) {
      var out = $('live-status');
      clear(out);
      out.hidden = false;
      out.appendChild(document.createTextNode(text));
      if (link) {
        out.appendChild(document.createTextNode(' '));
        out.appendChild(element('a', { href: link.href }, [link.text]));
      }
    }

    function describe(piece, added) {
      if (piece.path && !piece.found) return piece.caption + '.';
      var text = piece.caption + ': ' + piece.entities.length + (piece.truncated ? ' of ' + piece.total_entities : '') +
        ' entities and ' + piece.relations.length + (piece.truncated ? ' of ' + piece.total_relations : '') + ' relations';
      if (piece.truncated) text += ' (the nearest, busiest first)';
      return text + ', ' + added + ' new. Double-click an entity to add its neighbours.';
    }

    // Merges a piece, places and draws what is new, and has the page
    // bring its controls up to date.
    function take(piece, startId) {
      var added = merge(data, page.index, piece).added;
      place(data, added.entities, page.index.entities.get(startId));
      page.drawing.add(added.entities, added.relations);
      page.refresh(added);
      status(describe(piece, added.entities.length));
      return added;
    }

    // Asks for a piece (`request` returns a promise of one) and hands it to
    // `use`; says what went wrong instead when it fails. A map at its size
    // bound fetches nothing more and offers a new map instead.
    function fetchPiece(request, what, use) {
      if (entities.length >= MOST_ENTITIES) {
        var from = state.selected >= 0 ? entities[state.selected] : null;
        status('The map holds ' + entities.length + ' entities, as many as it draws smoothly.',
          from ? { href: server.mapFrom(from.id), text: 'Start a new map from ' + from.name } : null);
        return Promise.resolve();
      }
      ++fetching;
      status('Fetching ' + what + '\u2026');
      return request().then(function (piece) {
        --fetching;
        use(piece);
      }, function (error) {
        --fetching;
        status(error.message);
      });
    }

    function fitTo(elements) {
      cy.animate({ fit: { eles: elements, padding: 40 }, duration: 250 });
    }

    // Adds the neighbourhood of the entity with id `id`, which the page
    // may not hold yet, and selects it.
    function expandId(id, name) {
      return fetchPiece(function () { return server.piece({ focus: id, depth: '1' }, state.direction); },
        'the neighbours of ' + (name || id), function (piece) {
          var added = take(piece, piece.focus);
          var centre = page.index.entities.get(piece.focus);
          page.select(centre, false);
          fitTo(cy.$id('e' + centre).union(cy.collection(added.entities.map(function (e) { return cy.$id('e' + e); }))));
        });
    }

    // The path box: the server finds the path (names the page holds go as
    // ids, others as typed), the page merges it and highlights the
    // shortest paths among what it holds.
    function findPath(fromText, toText) {
      var idOf = function (text) {
        var e = kgModel.exactMatch(data, text);
        return e >= 0 ? entities[e].id : text.trim();
      };
      var from = idOf(fromText), to = idOf(toText);
      if (!from || !to) {
        clear($('path-result'));
        $('path-result').appendChild(element('p', {}, ['Name two entities.']));
        return Promise.resolve();
      }
      return fetchPiece(function () { return server.piece({ path: from + ',' + to }, state.direction); }, 'the shortest path',
        function (piece) {
          take(piece, piece.path[0]);
          if (!piece.found) {
            state.path = null;
            page.apply();
            $('path-result').appendChild(element('p', {}, ['No path from ' + fromText + ' to ' + toText + ' in this view.']));
            return;
          }
          state.path = [page.index.entities.get(piece.path[0]), page.index.entities.get(piece.path[1])];
          page.apply();
          fitTo(cy.nodes('.onpath'));
        });
    }

    // The first piece is what the page's own URL asks for (?focus=,
    // ?path=, filters; with neither, the busiest entity's neighbourhood).
    function start() {
      page.apply();
      return fetchPiece(server.firstPiece, 'the map', function (piece) {
        // A first piece cut to the limit comes from a graph larger than the
        // map will ever hold: it is drawn for speed from the start.
        if (piece.truncated) page.drawing.drawLarge();
        take(piece, piece.focus || piece.path[0]);
        page.restore({ selected: piece.focus, path: piece.found ? piece.path : [],
          direction: ['out', 'in', 'any'].indexOf(server.direction) >= 0 ? server.direction : 'any' });
        page.apply();
        performance.mark('kg-applied');
        cy.resize();
        cy.fit(cy.elements(':visible'), 24);
      });
    }

    return {
      start: start, findPath: findPath, expandId: expandId,
      expand: function (e) { return expandId(entities[e].id, entities[e].name); },
      busy: function () { return fetching > 0; }
    };
  }

  return { MOST_ENTITIES: MOST_ENTITIES, indexes: indexes, merge: merge, place: place, client: client, session: session };
})();

if (typeof module !== 'undefined') module.exports = kgLive;
