// The Find box: a typo-tolerant search over the entities the page holds
// (kgModel.search) and, in live mode, over the names of the whole graph
// through the server; the results listed under the box, chosen with the
// mouse or the arrow keys and Enter.
var kgSearch = (function () {
  'use strict';
  var $ = kgDom.byId, element = kgDom.element, clear = kgDom.clear;
  var SHOWN = 8;
  var SERVER_DELAY_MS = 250;  // typing pauses this long before the server is asked

  // A hit is {entity: index} for an entity the page holds, or {remote:
  // {id, name, type}} for one only the server knows. `actions`:
  // pick(hit); in live mode also ask(text, limit), a promise of the
  // server's matches, and held(id), the index of an entity the page holds.
  function create(data, actions) {
    var input = $('search');
    var results = [], active = -1, asked = 0, timer = null;

    function entityOf(hit) { return hit.remote || data.entities[hit.entity]; }

    function show() {
      var list = $('search-results');
      clear(list);
      results.forEach(function (hit, i) {
        var entity = entityOf(hit);
        var item = element('li', { role: 'option', id: 'result-' + i, 'aria-selected': String(i === active) },
          [entity.name + ' (' + entity.type + ')']);
        item.addEventListener('mousedown', function (event) {
          event.preventDefault();
          pick(hit);
        });
        list.appendChild(item);
      });
      input.setAttribute('aria-activedescendant', active >= 0 ? 'result-' + active : '');
    }

    function pick(hit) {
      results = [];
      active = -1;
      show();
      input.value = entityOf(hit).name;
      $('search-status').textContent = '';
      actions.pick(hit);
    }

    // The server's matches after the page's own, those it holds once.
    function askServer(text) {
      var ticket = ++asked;
      $('search-status').textContent = 'searching the graph\u2026';
      actions.ask(text, SHOWN).then(function (found) {
        if (ticket !== asked || document.activeElement !== input) return;  // a later search, or the box was left
        var shown = new Set(results.map(function (hit) { return entityOf(hit).id; }));
        found.forEach(function (entity) {
          if (shown.has(entity.id) || results.length >= SHOWN) return;
          var held = actions.held(entity.id);
          results.push(held === undefined ? { remote: entity } : { entity: held });
        });
        if (active < 0 && results.length) active = 0;
        $('search-status').textContent = results.length ? '' : 'no match';
        show();
      }, function (error) {
        if (ticket === asked) $('search-status').textContent = error.message;
      });
    }

    input.addEventListener('input', function () {
      results = kgModel.search(data, input.value, SHOWN).map(function (e) { return { entity: e }; });
      active = results.length ? 0 : -1;
      var server = actions.ask && input.value.trim();
      $('search-status').textContent = input.value && !results.length && !server ? 'no match' : '';
      show();
      clearTimeout(timer);
      ++asked;  // an answer to an earlier text is stale now
      if (server) timer = setTimeout(askServer, SERVER_DELAY_MS, input.value);
    });
    input.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        if (results.length) active = (active + (event.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length;
        show();
      } else if (event.key === 'Enter' && active >= 0) {
        event.preventDefault();
        pick(results[active]);
      } else if (event.key === 'Escape') {
        results = [];
        show();
      }
    });
    input.addEventListener('blur', function () { results = []; show(); });

    // Names offered by the path boxes.
    function addNames(indices) {
      var names = $('entity-names');
      indices.forEach(function (e) { names.appendChild(element('option', { value: data.entities[e].name })); });
    }

    return { addNames: addNames };
  }

  return { create: create };
})();
