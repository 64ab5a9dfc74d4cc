// The evidence map's page: the state (mirrored in the URL fragment), the
// controls wired to kgModel's questions, and the drawing (kgDrawing) and
// panel (kgPanel) kept in step with them. In live mode (data.live, kg
// serve's page) the data starts empty and grows by the pieces kgLive
// fetches: a neighbourhood when an entity is opened, the paths the path box
// asks for.
// Everything from the graph is data: the DOM is built with textContent
// and attributes only, and links open only http(s) URLs.
(function () {
  'use strict';
  performance.mark('kg-script');
  var data = JSON.parse(document.getElementById('kg-data').textContent);
  performance.mark('kg-data');
  // Live mode reads (and hides) a token from the URL fragment before the
  // fragment is read as the state.
  var live = data.live ? kgLive.client(data.live.api) : null;
  var entities = data.entities, relations = data.relations;
  var model = kgModel;
  var PATH_LIMIT = 50;  // paths listed and highlighted at most

  var $ = kgDom.byId, element = kgDom.element, clear = kgDom.clear, extent = kgDom.extent;

  // ---- state: what is shown; mirrored in the URL fragment ----
  function yearsOf() {
    var all = [];
    relations.forEach(function (relation) {
      [relation.date, relation.until].forEach(function (date) { if (date) all.push(+date.slice(0, 4)); });
    });
    if (!all.length) return null;
    var range = extent(all);
    return { min: range[0], max: range[1] };
  }
  var years = yearsOf();

  var state = {
    mode: 'all', asOf: '', from: '', to: '', undated: 'include', direction: 'any',
    hiddenRelations: new Set(), hiddenEntities: new Set(), selected: -1, relation: -1, depth: 0, path: null
  };
  // Live mode keeps its index up to date as pieces are merged.
  var liveIndex = live ? kgLive.indexes(data) : null;
  var entityById = liveIndex ? liveIndex.entities : new Map(entities.map(function (entity, index) { return [entity.id, index]; }));

  function stateFromInitial(initial) {
    state.mode = initial.as_of ? 'asof' : ('from' in initial || 'to' in initial) ? 'between' : 'all';
    state.asOf = initial.as_of || '';
    state.from = initial.from || '';
    state.to = initial.to || '';
    state.undated = initial.undated || 'include';
    state.direction = initial.direction || 'any';
    state.hiddenRelations = new Set(initial.hide_relations || []);
    state.hiddenEntities = new Set(initial.hide_entities || []);
    state.selected = entityById.has(initial.selected) ? entityById.get(initial.selected) : -1;
    state.relation = -1;
    state.depth = state.selected >= 0 ? Math.min(initial.depth || 0, 3) : 0;
    var path = (initial.path || []).map(function (id) { return entityById.get(id); });
    state.path = path.length === 2 && path.every(function (e) { return e !== undefined; }) ? path : null;
  }

  function stateFromFragment(fragment) {
    var params = new URLSearchParams(fragment.replace(/^#/, ''));
    if (!Array.from(params.keys()).length) return false;
    var list = function (key) { return params.get(key) ? params.get(key).split(',').filter(Boolean) : []; };
    var initial = { undated: params.get('undated'), direction: params.get('dir'), hide_relations: list('hr'),
      hide_entities: list('he'), selected: params.get('sel'), depth: +params.get('depth') || 0, path: list('path') };
    if (params.has('asof')) initial.as_of = params.get('asof');
    if (params.has('from')) initial.from = params.get('from');
    if (params.has('to')) initial.to = params.get('to');
    stateFromInitial(initial);
    var r = +params.get('rel');
    // A live map numbers relations in the order they were fetched.
    if (params.has('rel') && r >= 0 && r < relations.length && !live) state.relation = r;
    return true;
  }

  function fragmentOfState() {
    var params = new URLSearchParams();
    if (state.mode === 'asof' && state.asOf) params.set('asof', state.asOf);
    if (state.mode === 'between') {
      params.set('from', state.from);
      params.set('to', state.to);
    }
    if (state.undated !== 'include') params.set('undated', state.undated);
    if (state.direction !== 'any') params.set('dir', state.direction);
    if (state.hiddenRelations.size) params.set('hr', Array.from(state.hiddenRelations).join(','));
    if (state.hiddenEntities.size) params.set('he', Array.from(state.hiddenEntities).join(','));
    if (state.selected >= 0) params.set('sel', entities[state.selected].id);
    if (state.depth) params.set('depth', String(state.depth));
    if (state.relation >= 0) params.set('rel', String(state.relation));
    if (state.path) params.set('path', state.path.map(function (e) { return entities[e].id; }).join(','));
    return '#' + params.toString();
  }

  // ---- the drawing ----
  var drawing = kgDrawing.create(data, $('graph'));
  var cy = drawing.cy;
  var entityStyle = drawing.entityStyle, relationStyle = drawing.relationStyle;

  performance.mark('kg-cytoscape');

  // ---- applying the state to the drawing ----
  var shown = { relations: 0, entities: 0 };
  var pathResult = null;  // {paths, steps} of the last "how does A reach B"

  function keepRelation(r) {
    return relations[r].summary === undefined && model.keepsRelation(data, state, r);
  }

  function filtersRelations() {
    return state.mode !== 'all' || state.undated !== 'include' || state.hiddenRelations.size > 0;
  }

  function apply() {
    var steps = model.adjacency(data, keepRelation, state.direction);
    var near = state.depth > 0 && state.selected >= 0 ? model.distances(steps, state.selected, state.depth) : null;
    var relationShown = relations.map(function (relation, r) {
      return keepRelation(r) && (!near || (near[relation.source] !== -1 && near[relation.target] !== -1));
    });
    var touched = entities.map(function () { return false; });
    relationShown.forEach(function (on, r) { if (on) touched[relations[r].source] = touched[relations[r].target] = true; });
    var dropIsolated = filtersRelations() || near;
    var entityShown = entities.map(function (entity, e) {
      if (state.hiddenEntities.has(entity.type)) return false;
      if (near && near[e] === -1) return false;
      return !dropIsolated || touched[e] || e === state.selected;
    });
    pathResult = state.path ? findPaths(steps) : null;
    var onPath = new Set();
    if (pathResult) {
      pathResult.paths.forEach(function (path) {
        path.forEach(function (e, i) {
          onPath.add('e' + e);
          if (i) model.stepRelations(steps, path[i - 1], e).forEach(function (step) { onPath.add('r' + step.relation); });
        });
      });
    }
    shown = { relations: 0, entities: 0 };
    var dimming = pathResult !== null && pathResult.paths.length > 0;
    cy.batch(function () {
      cy.nodes().forEach(function (node) {
        var id = node.id(), visible = true;
        if (id[0] === 'e') visible = entityShown[+id.slice(1)];
        else if (id[0] === 's') {
          var summary = data.summaries[+id.slice(1)];
          visible = entityShown[summary.hub] && !state.hiddenRelations.has(summary.type);
        }
        if (id[0] === 'e' && visible) shown.entities++;
        setClasses(node, !visible, onPath.has(id), dimming && !onPath.has(id) && id[0] !== 'g');
      });
      cy.edges().forEach(function (edge) {
        var id = edge.id(), visible;
        if (id[0] === 'r') visible = relationShown[+id.slice(1)];
        else visible = !edge.source().hasClass('hidden') && !edge.target().hasClass('hidden');
        if (id[0] === 'r' && visible) shown.relations++;
        setClasses(edge, !visible, onPath.has(id), dimming && !onPath.has(id));
      });
    });
    cy.$(':selected').unselect();
    if (state.selected >= 0) cy.$id('e' + state.selected).select();
    if (state.relation >= 0) cy.$id('r' + state.relation).select();
    showControls();
    showPanel();
    showPath();
    history.replaceState(null, '', fragmentOfState());
  }

  // Changes only what differs: every class change restyles the element,
  // which at 10,000 relations is most of the cost of a change of filter.
  var classState = new Map();
  function setClasses(element, hidden, onpath, dimmed) {
    var large = drawing.isLarge();  // a live map may grow large
    var key = (hidden ? 1 : 0) | (onpath ? 2 : 0) | (dimmed ? 4 : 0) | (large ? 8 : 0);
    if ((classState.get(element.id()) || 0) === key) return;
    classState.set(element.id(), key);
    element.toggleClass('hidden', hidden);
    element.toggleClass('onpath', onpath);
    element.toggleClass('dimmed', dimmed);
    if (large && element.isEdge()) element.toggleClass('labelled', onpath);
  }

  function findPaths(steps) {
    var paths = model.shortestPaths(steps, state.path[0], state.path[1], PATH_LIMIT);
    return { paths: paths, steps: steps };
  }

  // ---- controls ----
  function countDrawnRelations() {
    return relations.filter(function (relation) { return relation.summary === undefined; }).length;
  }
  var drawnRelations = countDrawnRelations();

  function showControls() {
    $('time-mode').value = state.mode;
    $('asof-row').hidden = state.mode !== 'asof';
    $('between-row').hidden = state.mode !== 'between';
    if (years) {
      $('asof').value = state.asOf ? state.asOf.slice(0, 4) : String(years.max);
      $('asof-value').textContent = state.asOf;
      $('from').value = state.from ? state.from.slice(0, 4) : String(years.min);
      $('to').value = state.to ? state.to.slice(0, 4) : String(years.max);
      $('from-value').textContent = state.from || '(open)';
      $('to-value').textContent = state.to || '(open)';
    }
    $('undated').value = state.undated;
    $('direction').value = state.direction;
    $('depth').value = String(state.depth);
    $('depth').disabled = state.selected < 0;
    $('counts').textContent = shown.relations + ' of ' + drawnRelations + ' relations and ' + shown.entities + ' of ' +
      entities.filter(function (entity) { return entity.x !== undefined; }).length + ' entities shown';
    document.querySelectorAll('.legend button').forEach(function (button) {
      var set = button.dataset.kind === 'entity' ? state.hiddenEntities : state.hiddenRelations;
      button.setAttribute('aria-pressed', String(!set.has(button.dataset.type)));
    });
  }

  function buildLegend() {
    var count = function (list, key) {
      var counts = new Map();
      list.forEach(function (item) { counts.set(item[key], (counts.get(item[key]) || 0) + 1); });
      return counts;
    };
    clear($('legend-entities'));
    clear($('legend-relations'));
    var entityCounts = count(entities, 'type'), relationCounts = count(relations, 'type');
    Array.from(entityCounts.keys()).sort().forEach(function (type) {
      var look = entityStyle(type);
      var swatch = element('span', { 'class': 'swatch', 'aria-hidden': 'true' });
      swatch.style.background = look.fill;
      swatch.style.borderColor = look.border;
      addLegendButton($('legend-entities'), 'entity', type, swatch, entityCounts.get(type));
    });
    Array.from(relationCounts.keys()).sort().forEach(function (type) {
      var line = element('span', { 'class': 'line', 'aria-hidden': 'true' });
      line.style.borderTopColor = relationStyle(type).color;
      line.style.borderTopStyle = relationStyle(type).line;
      addLegendButton($('legend-relations'), 'relation', type, line, relationCounts.get(type));
    });
  }

  function addLegendButton(parent, kind, type, sample, count) {
    var button = element('button', { type: 'button', 'aria-pressed': 'true', title: 'Hide or show ' + kind + 's of this type' },
      [sample, type.replace(/_/g, ' ') + ' (' + count + ')']);
    button.dataset.kind = kind;
    button.dataset.type = type;
    button.addEventListener('click', function () {
      var set = kind === 'entity' ? state.hiddenEntities : state.hiddenRelations;
      if (set.has(type)) set.delete(type); else set.add(type);
      apply();
    });
    parent.appendChild(button);
  }

  // The sliders span the years of the relations held; without dates, time
  // cannot be chosen.
  function showYearRange() {
    $('time-mode').disabled = $('play').disabled = !years;
    if (!years) return;
    ['asof', 'from', 'to'].forEach(function (id) {
      $(id).min = String(years.min);
      $(id).max = String(years.max);
    });
  }

  function setupTime() {
    showYearRange();
    $('time-mode').addEventListener('change', function () {
      state.mode = this.value;
      if (state.mode === 'asof' && !state.asOf) state.asOf = String(years.max);
      if (state.mode === 'between' && !state.from && !state.to) {
        state.from = String(years.min);
        state.to = String(years.max);
      }
      apply();
    });
    $('asof').addEventListener('input', function () { state.asOf = this.value; apply(); });
    $('from').addEventListener('input', function () {
      state.from = this.value;
      if (state.to && +state.to.slice(0, 4) < +this.value) state.to = this.value;
      apply();
    });
    $('to').addEventListener('input', function () {
      state.to = this.value;
      if (state.from && +state.from.slice(0, 4) > +this.value) state.from = this.value;
      apply();
    });
    $('undated').addEventListener('change', function () { state.undated = this.value; apply(); });
    var timer = null;
    var stop = function () {
      clearInterval(timer);
      timer = null;
      $('play').setAttribute('aria-pressed', 'false');
      $('play').textContent = 'Play';
    };
    $('play').addEventListener('click', function () {
      if (timer) return stop();
      state.mode = 'asof';
      state.asOf = String(years.min);
      apply();
      $('play').setAttribute('aria-pressed', 'true');
      $('play').textContent = 'Stop';
      timer = setInterval(function () {
        if (+state.asOf.slice(0, 4) >= years.max) return stop();
        state.asOf = String(+state.asOf.slice(0, 4) + 1);
        apply();
      }, 1200);
    });
  }

  // ---- the evidence panel ----
  var panel = kgPanel.create(data, { select: function (e, centre) { select(e, centre); },
    selectRelation: function (r) { selectRelation(r); }, keeps: function (r) { return keepRelation(r); },
    expand: live ? function (e) { session.expand(e); } : null });

  function showPanel() {
    var body = $('panel-body');
    clear(body);
    if (state.relation >= 0) panel.showRelation(state.relation, body);
    else if (state.selected >= 0) panel.showEntity(state.selected, body);
    $('panel').hidden = state.selected < 0 && state.relation < 0;
  }

  function select(e, centre) {
    state.selected = e;
    state.relation = -1;
    if (e < 0) state.depth = 0;
    apply();
    if (centre && e >= 0) {
      var node = cy.$id('e' + e);
      if (node.length && !node.hasClass('hidden')) {
        cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 250 });
        node.addClass('found');
        setTimeout(function () { node.removeClass('found'); }, 1500);
      }
    }
  }

  function selectRelation(r) {
    state.relation = r;
    apply();
  }

  // ---- search ----
  var search;
  function setupSearch() {
    search = kgSearch.create(data, {
      pick: function (hit) {
        if (hit.entity !== undefined) select(hit.entity, true);
        else session.expandId(hit.remote.id);
      },
      ask: live ? live.searchNames : null,
      held: function (id) { return entityById.get(id); }
    });
    search.addNames(entities.map(function (entity, e) { return e; }));
  }

  // ---- how does A reach B ----
  function showPath() {
    var out = $('path-result');
    clear(out);
    if (!state.path) return;
    $('path-from').value = entities[state.path[0]].name;
    $('path-to').value = entities[state.path[1]].name;
    panel.listPaths(out, state.path[0], state.path[1], pathResult.paths, pathResult.steps, PATH_LIMIT);
  }

  function setupPath() {
    $('path-find').addEventListener('click', function () {
      if (live) return session.findPath($('path-from').value, $('path-to').value);
      var from = model.resolve(data, $('path-from').value), to = model.resolve(data, $('path-to').value);
      if (from < 0 || to < 0) {
        clear($('path-result'));
        $('path-result').appendChild(element('p', {}, ['No entity matches ' + (from < 0 ? $('path-from').value : $('path-to').value)]));
        return;
      }
      state.path = [from, to];
      apply();
    });
    $('path-clear').addEventListener('click', function () {
      state.path = null;
      $('path-from').value = $('path-to').value = '';
      apply();
    });
    $('direction').addEventListener('change', function () { state.direction = this.value; apply(); });
    $('depth').addEventListener('change', function () { state.depth = +this.value; apply(); });
  }

  // ---- live mode (kgLive.session): pieces of the graph fetched and merged ----
  var session = live ? kgLive.session(live, {
    data: data, index: liveIndex, state: state, cy: cy, drawing: drawing, apply: apply, select: select,
    refresh: function (added) {
      years = yearsOf();
      showYearRange();
      drawnRelations = countDrawnRelations();
      buildLegend();
      search.addNames(added.entities);
      $('title').textContent = document.title = data.name || 'kg evidence map';
    },
    restore: function (initial) {
      if (!stateFromFragment(location.hash)) stateFromInitial(initial);
    }
  }) : null;

  // ---- pictures of the view ----
  function download(blob, name) {
    var link = element('a', { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  function setupButtons() {
    $('fit').addEventListener('click', function () { cy.fit(cy.elements(':visible'), 24); });
    $('download-png').addEventListener('click', function () {
      download(cy.png({ output: 'blob', bg: '#ffffff', full: false, scale: 2 }), 'kg-view.png');
    });
    $('download-svg').addEventListener('click', function () {
      download(new Blob([kgDrawing.svgOf(cy)], { type: 'image/svg+xml' }), 'kg-view.svg');
    });
    $('toggle-controls').addEventListener('click', function () {
      var controls = $('controls');
      controls.hidden = !controls.hidden;
      this.setAttribute('aria-expanded', String(!controls.hidden));
      cy.resize();
    });
    $('panel-close').addEventListener('click', function () {
      state.selected = -1;
      state.relation = -1;
      state.depth = 0;
      apply();
      $('graph').focus();
    });
  }

  // ---- keyboard: arrows walk to the nearest entity in that direction ----
  function nearestInDirection(from, dx, dy) {
    var origin = cy.$id('e' + from).position(), best = -1, bestScore = Infinity;
    cy.nodes(':visible').forEach(function (node) {
      if (node.id()[0] !== 'e' || node.id() === 'e' + from) return;
      var p = node.position(), x = p.x - origin.x, y = p.y - origin.y;
      var along = x * dx + y * dy;
      if (along <= 0) return;
      var score = along + 2 * Math.abs(x * dy - y * dx);
      if (score < bestScore) { bestScore = score; best = +node.id().slice(1); }
    });
    return best;
  }

  function setupKeyboard() {
    $('graph').addEventListener('keydown', function (event) {
      var moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
      if (moves[event.key]) {
        event.preventDefault();
        var visible = cy.nodes(':visible').filter(function (node) { return node.id()[0] === 'e'; });
        if (!visible.length) return;
        var next = state.selected >= 0 && !cy.$id('e' + state.selected).hasClass('hidden')
          ? nearestInDirection(state.selected, moves[event.key][0], moves[event.key][1]) : +visible[0].id().slice(1);
        if (next >= 0) select(next, true);
      } else if (event.key === '+' || event.key === '=') {
        cy.zoom({ level: cy.zoom() * 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      } else if (event.key === '-') {
        cy.zoom({ level: cy.zoom() / 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      } else if (event.key === 'f') {
        cy.fit(cy.elements(':visible'), 24);
      } else if (event.key === 'Escape') {
        select(-1, false);
      }
    });
    document.addEventListener('keydown', function (event) {
      if (event.key === '/' && document.activeElement.tagName !== 'INPUT') {
        event.preventDefault();
        $('search').focus();
      }
    });
  }

  cy.on('tap', 'node', function (event) {
    var id = event.target.id();
    if (id[0] === 'e') select(+id.slice(1), false);
    else if (id[0] === 's') select(data.summaries[+id.slice(1)].hub, false);
  });
  if (live) {
    cy.on('dbltap', 'node', function (event) {
      var id = event.target.id();
      if (id[0] === 'e') session.expand(+id.slice(1));
    });
  }
  cy.on('tap', 'edge', function (event) {
    var id = event.target.id();
    if (id[0] === 'r') selectRelation(+id.slice(1));
  });
  window.addEventListener('hashchange', function () {
    if (location.hash !== fragmentOfState() && stateFromFragment(location.hash)) apply();
  });

  $('title').textContent = (data.name || 'kg evidence map') + (data.caption ? ' \u2014 ' + data.caption : '');
  buildLegend();
  setupTime();
  setupSearch();
  setupPath();
  setupButtons();
  setupKeyboard();
  if (live) {
    session.start();
  } else {
    if (!stateFromFragment(location.hash)) stateFromInitial(data.initial || {});
    apply();
    performance.mark('kg-applied');
    if (state.selected >= 0 && state.depth) cy.fit(cy.elements(':visible'), 24);
  }

  // The first frame with the whole graph drawn, for the speed measurements
  // (bench/viewer_speed.js reads it through the Performance API).
  cy.one('render', function () {
    requestAnimationFrame(function () { performance.mark('kg-first-paint'); });
  });
  cy.resize();

  // For the browser tests and for anyone scripting the page from the console.
  window.kgViewer = {
    cy: cy, data: data, state: state, apply: apply, select: select,
    paths: function () { return pathResult ? pathResult.paths.map(function (p) { return p.map(function (e) { return entities[e].id; }); }) : null; },
    shown: function () { return { relations: shown.relations, entities: shown.entities }; },
    busy: function () { return session !== null && session.busy(); }
  };
})();
