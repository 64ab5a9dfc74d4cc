// The evidence map's drawing: Cytoscape.js at Graphviz's positions (or, in
// live mode, the positions kgLive gives what it merges), in the style's
// colours and shapes, and an SVG of what is visible. Above 2,000 relations
// it draws for speed (docs/VIEWER.md, "Limits").
var kgDrawing = (function () {
  'use strict';
  var element = kgDom.element, extent = kgDom.extent;
  var LARGE_RELATIONS = 2000;

  // Style colours become CSS only when they are plain hex colours.
  function colour(text, fallback) { return /^#[0-9a-fA-F]{3,8}$/.test(text || '') ? text : fallback; }
  var SHAPES = { ellipse: 'ellipse', oval: 'ellipse', circle: 'ellipse', box: 'round-rectangle', rect: 'round-rectangle',
    rectangle: 'round-rectangle', hexagon: 'hexagon', diamond: 'diamond', octagon: 'octagon', triangle: 'triangle' };

  function create(data, container) {
    var entities = data.entities, relations = data.relations;
    var LARGE = relations.length > LARGE_RELATIONS;
    // Names larger than Graphviz's 12 points: the page is read zoomed out
    // (a layout with edge labels is wide), and the boxes still fit between
    // Graphviz's ranks and node separations.
    var NAME_SIZE = LARGE ? 12 : 16;

    function entityStyle(type) {
      var look = data.entity_types[type] || {};
      return { fill: colour(look.fill, '#eeeeee'), border: colour(look.border, '#757575'), shape: SHAPES[look.shape] || 'round-rectangle' };
    }
    function relationStyle(type) {
      var look = data.relation_types[type] || {};
      var style = look.style || '';
      return {
        color: colour(look.color, '#78909c'),
        line: /dashed/.test(style) ? 'dashed' : /dotted/.test(style) ? 'dotted' : 'solid',
        arrow: look.symmetric ? 'none' : look.polarity === 'negative' ? 'tee' : 'triangle'
      };
    }

    function entityElement(entity, e, usedGroups) {
      var look = entityStyle(entity.type);
      var node = { group: 'nodes', data: { id: 'e' + e, label: entity.name, fill: look.fill, border: look.border, shape: look.shape,
        width: Math.min(260, Math.max(40, NAME_SIZE * 0.6 * entity.name.length + 16)) }, position: { x: entity.x, y: entity.y },
      classes: entity.emphasis || '' };
      if (usedGroups.has(entity.group)) node.data.parent = 'g' + entity.group;
      return node;
    }

    function relationElement(relation, r) {
      var look = relationStyle(relation.type);
      return { group: 'edges', data: { id: 'r' + r, source: 'e' + relation.source, target: 'e' + relation.target,
        color: look.color, line: look.line, arrow: look.arrow,
        label: relation.type.replace(/_/g, ' ') + (relation.date ? ' ' + relation.date.slice(0, 4) : '') },
      classes: relation.emphasis || '' };
    }

    function drawable(relation) {
      return relation.summary === undefined && entities[relation.source].x !== undefined && entities[relation.target].x !== undefined;
    }

    function elements() {
      var list = [];
      var usedGroups = new Set(entities.filter(function (entity) { return entity.x !== undefined && entity.group !== undefined; })
        .map(function (entity) { return entity.group; }));
      (data.groups || []).forEach(function (label, g) {
        if (usedGroups.has(g)) list.push({ group: 'nodes', data: { id: 'g' + g, label: label }, classes: 'cluster' });
      });
      entities.forEach(function (entity, e) {
        if (entity.x !== undefined) list.push(entityElement(entity, e, usedGroups));
      });
      data.summaries.forEach(function (summary, k) {
        if (summary.x === undefined) return;
        list.push({ group: 'nodes', data: { id: 's' + k, label: summary.count + ' entities', fill: '#fafafa', border: '#9e9e9e',
          shape: 'rectangle', width: 90 }, position: { x: summary.x, y: summary.y }, classes: 'summary' });
        var look = relationStyle(summary.type);
        var hub = 'e' + summary.hub;
        list.push({ group: 'edges', data: { id: 'se' + k, source: summary.outgoing ? hub : 's' + k, target: summary.outgoing ? 's' + k : hub,
          color: look.color, line: look.line, arrow: look.arrow, label: summary.type.replace(/_/g, ' ') } });
      });
      relations.forEach(function (relation, r) {
        if (drawable(relation)) list.push(relationElement(relation, r));
      });
      return list;
    }

    // Draws entities and relations added to the data since (the live map's
    // pieces): the entities placed, the relations whose ends are drawn. A
    // drawing that grows past LARGE_RELATIONS takes the large style.
    function add(entityIndices, relationIndices) {
      var list = [], noGroups = new Set();
      entityIndices.forEach(function (e) {
        if (entities[e].x !== undefined) list.push(entityElement(entities[e], e, noGroups));
      });
      relationIndices.forEach(function (r) {
        if (drawable(relations[r])) list.push(relationElement(relations[r], r));
      });
      var added = cy.add(list);
      if (cy.edges().length > LARGE_RELATIONS) drawLarge();
      return added;
    }

    // From now on, the large style (a live map that will grow).
    function drawLarge() {
      if (large) return;
      large = true;
      cy.style(stylesheet(true));
    }

    // The first view fits the entities' positions. Worked out here because
    // Cytoscape's own fit measures every edge first (over a second at 10,000).
    function initialViewport() {
      var placed = entities.filter(function (entity) { return entity.x !== undefined; }).concat(
        data.summaries.filter(function (summary) { return summary.x !== undefined; }));
      var box = container.getBoundingClientRect(), padding = 60;
      if (!placed.length || !box.width || !box.height) return { zoom: 1, pan: { x: 0, y: 0 } };
      var xs = extent(placed.map(function (p) { return p.x; })), ys = extent(placed.map(function (p) { return p.y; }));
      var x1 = xs[0], x2 = xs[1], y1 = ys[0], y2 = ys[1];
      var zoom = Math.min(2, (box.width - 2 * padding) / Math.max(1, x2 - x1), (box.height - 2 * padding) / Math.max(1, y2 - y1));
      zoom = Math.max(zoom, 0.02);
      return { zoom: zoom, pan: { x: box.width / 2 - zoom * (x1 + x2) / 2, y: box.height / 2 - zoom * (y1 + y2) / 2 } };
    }

    // The styles; a large drawing's edges are straight and unlabelled (but
    // for 'labelled' ones, the paths) and its names vanish when tiny.
    function stylesheet(large) {
      return [
        { selector: 'node', style: { 'label': 'data(label)', 'font-size': NAME_SIZE, 'text-valign': 'center', 'text-halign': 'center' } },
        // Entities and summaries; clusters (compound nodes) have only a label.
        { selector: 'node[width]', style: { 'shape': 'data(shape)', 'background-color': 'data(fill)',
          'border-color': 'data(border)', 'border-width': 1.5, 'width': 'data(width)', 'height': NAME_SIZE + 16, 'font-size': NAME_SIZE,
          'text-valign': 'center', 'text-halign': 'center', 'color': '#1a1a1a', 'text-wrap': large ? 'none' : 'ellipsis', 'text-max-width': 250,
          'min-zoomed-font-size': large ? 8 : 0 } },
        { selector: 'node.cluster', style: { 'background-color': '#f5f5f5', 'background-opacity': 0.5, 'border-color': '#bdbdbd',
          'border-style': 'dashed', 'text-valign': 'top', 'font-size': 11, 'color': '#4a4a4a', 'shape': 'round-rectangle' } },
        { selector: 'edge', style: { 'width': 1.4, 'line-color': 'data(color)', 'line-style': 'data(line)',
          'target-arrow-shape': 'data(arrow)', 'target-arrow-color': 'data(color)', 'arrow-scale': 0.8,
          'curve-style': large ? 'haystack' : 'bezier', 'opacity': large ? 1 : 0.9 } },
        { selector: large ? 'edge.labelled' : 'edge', style: { 'label': 'data(label)', 'font-size': 8, 'color': '#3a3a3a',
          'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-rotation': 'autorotate' } },
        { selector: '.faded', style: { 'opacity': 0.35 } },
        { selector: 'node.focus', style: { 'border-width': 4, 'border-color': colour(emphasis.highlighted, '#1565c0') } },
        { selector: 'edge.added', style: { 'line-color': colour(emphasis.added, '#1e88e5'), 'target-arrow-color': colour(emphasis.added, '#1e88e5'), 'width': 2.6 } },
        { selector: 'edge.ended', style: { 'line-color': colour(emphasis.ended, '#8e24aa'), 'target-arrow-color': colour(emphasis.ended, '#8e24aa'), 'width': 2.6, 'line-style': 'dotted' } },
        { selector: '.onpath', style: { 'opacity': 1, 'z-index': 10 } },
        { selector: 'node.onpath', style: { 'border-width': 4, 'border-color': colour(emphasis.highlighted, '#1565c0') } },
        { selector: 'edge.onpath', style: { 'width': 4, 'line-color': colour(emphasis.highlighted, '#1565c0'), 'target-arrow-color': colour(emphasis.highlighted, '#1565c0') } },
        { selector: '.dimmed', style: { 'opacity': 0.2 } },
        { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#e65100', 'z-index': 20 } },
        { selector: 'edge:selected', style: { 'width': 4, 'line-color': '#e65100', 'target-arrow-color': '#e65100' } },
        { selector: 'node.found', style: { 'overlay-color': '#ffca28', 'overlay-opacity': 0.45, 'overlay-padding': 8 } },
        { selector: '.hidden', style: { 'display': 'none' } }
      ];
    }

    var emphasis = data.emphasis || {};
    var large = LARGE;
    var viewport = initialViewport();
    var cy = cytoscape({
      container: container,
      elements: elements(),
      layout: { name: 'preset', fit: false },
      zoom: viewport.zoom, pan: viewport.pan,
      minZoom: 0.02, maxZoom: 6, boxSelectionEnabled: false,
      textureOnViewport: LARGE, hideEdgesOnViewport: LARGE, pixelRatio: LARGE ? 1 : 'auto',
      style: stylesheet(large)
    });

    return { cy: cy, isLarge: function () { return large; }, drawLarge: drawLarge, entityStyle: entityStyle,
      relationStyle: relationStyle, add: add };
  }

  // An SVG of the visible elements at their positions, made here because
  // Cytoscape's SVG export needs a plugin that is no longer maintained.
  function viewSvg(cy) {
    var ns = 'http://www.w3.org/2000/svg';
    var box = cy.elements(':visible').boundingBox();
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('xmlns', ns);
    svg.setAttribute('viewBox', [box.x1 - 10, box.y1 - 10, box.w + 20, box.h + 20].join(' '));
    svg.setAttribute('width', String(Math.ceil(box.w + 20)));
    svg.setAttribute('height', String(Math.ceil(box.h + 20)));
    var add = function (tag, attributes, text) {
      var node = document.createElementNS(ns, tag);
      Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
      if (text) node.textContent = text;
      svg.appendChild(node);
    };
    add('rect', { x: box.x1 - 10, y: box.y1 - 10, width: box.w + 20, height: box.h + 20, fill: '#ffffff' });
    cy.edges(':visible').forEach(function (edge) {
      var a = edge.sourceEndpoint(), b = edge.targetEndpoint();
      add('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: edge.style('line-color'), 'stroke-width': edge.style('width'),
        'stroke-dasharray': edge.data('line') === 'solid' ? 'none' : '4 3' });
    });
    cy.nodes(':visible').forEach(function (node) {
      if (node.id()[0] === 'g') return;
      var p = node.position(), w = node.width(), h = node.height();
      add('rect', { x: p.x - w / 2, y: p.y - h / 2, width: w, height: h, rx: node.data('shape') === 'ellipse' ? h / 2 : 5,
        fill: node.data('fill'), stroke: node.style('border-color'), 'stroke-width': 1.5 });
      add('text', { x: p.x, y: p.y + 4, 'text-anchor': 'middle', 'font-family': 'Helvetica, Arial, sans-serif', 'font-size': 11 },
        node.data('label'));
    });
    return new XMLSerializer().serializeToString(svg);
  }

  return { create: create, svgOf: viewSvg };
})();
