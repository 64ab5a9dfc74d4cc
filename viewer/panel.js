// The evidence panel and the list of paths: an entity's relations by type,
// a relation's evidence, each quote with its source; links open only
// http(s) URLs. `actions` are the page's: select(entity, centre),
// selectRelation(relation), keeps(relation) (shown under the filters) and,
// in live mode, expand(entity) (fetch its neighbours).
var kgPanel = (function () {
  'use strict';
  var element = kgDom.element, model = kgModel;

  function create(data, actions) {
    var entities = data.entities, relations = data.relations;

    function entityLink(e) {
      var link = element('a', { href: '#', 'class': 'entity' }, [entities[e].name]);
      link.addEventListener('click', function (event) {
        event.preventDefault();
        actions.select(e, true);
      });
      return link;
    }

    function dates(relation) {
      if (!relation.date && !relation.until) return 'undated';
      return (relation.date || '?') + (relation.until ? ' to ' + relation.until : '');
    }

    function evidenceList(relation) {
      var list = element('div');
      if (!relation.evidence.length) list.appendChild(element('p', { 'class': 'meta' }, ['No evidence recorded.']));
      relation.evidence.forEach(function (evidence) {
        list.appendChild(element('blockquote', {}, ['\u201c' + evidence.quote + '\u201d']));
        var source = data.sources[evidence.source];
        if (!source) return;
        var line = element('div', { 'class': 'source' }, ['\u2014 ']);
        var href = model.safeUrl(source.url);
        var title = source.title || source.id;
        if (href) line.appendChild(element('a', { href: href, target: '_blank', rel: 'noopener noreferrer' }, [title]));
        else line.appendChild(document.createTextNode(title + (source.url ? ' (' + source.url + ', not a web link)' : '')));
        if (source.date) line.appendChild(document.createTextNode(', ' + source.date));
        list.appendChild(line);
      });
      return list;
    }

    function relationLine(r, from) {
      var relation = relations[r];
      var other = relation.source === from ? relation.target : relation.source;
      var arrow = relation.source === from ? '\u2192 ' : '\u2190 ';
      var item = element('li', {}, [arrow, entityLink(other), ' ']);
      var when = element('a', { href: '#', 'class': 'meta' }, ['(' + dates(relation) + ')']);
      when.addEventListener('click', function (event) {
        event.preventDefault();
        actions.selectRelation(r);
      });
      item.appendChild(when);
      if (!actions.keeps(r)) item.appendChild(element('span', { 'class': 'meta' }, [' hidden by the filters']));
      item.appendChild(evidenceList(relation));
      return item;
    }

    function showRelation(r, body) {
      var relation = relations[r];
      body.appendChild(element('h3', {}, [entities[relation.source].name + ' ' + relation.type.replace(/_/g, ' ') + ' ' +
        entities[relation.target].name]));
      body.appendChild(element('p', { 'class': 'meta' }, [dates(relation)]));
      body.appendChild(element('p', {}, ['Between ', entityLink(relation.source), ' and ', entityLink(relation.target)]));
      body.appendChild(element('h4', {}, ['Evidence']));
      body.appendChild(evidenceList(relation));
    }

    // Live mode: how much of the entity the map holds, and a button for the rest.
    function expandLine(e, byType) {
      var held = 0;
      byType.forEach(function (list) { held += list.length; });
      var button = element('button', { type: 'button', 'class': 'expand' }, ['Add its neighbours']);
      button.addEventListener('click', function () { actions.expand(e); });
      var degree = entities[e].degree;
      return element('p', {}, [button, element('span', { 'class': 'meta' },
        [degree === undefined ? '' : ' ' + held + ' of its ' + degree + ' relation' + (degree === 1 ? '' : 's') + ' on the map'])]);
    }

    function showEntity(e, body) {
      var entity = entities[e];
      body.appendChild(element('h3', {}, [entity.name]));
      body.appendChild(element('p', { 'class': 'meta' }, [entity.type + ' \u00b7 id ' + entity.id]));
      if (entity.aliases && entity.aliases.length) body.appendChild(element('p', {}, ['Also: ' + entity.aliases.join(', ')]));
      var byType = new Map();
      relations.forEach(function (relation, r) {
        if (relation.source !== e && relation.target !== e) return;
        if (!byType.has(relation.type)) byType.set(relation.type, []);
        byType.get(relation.type).push(r);
      });
      if (actions.expand) body.appendChild(expandLine(e, byType));
      if (!byType.size) body.appendChild(element('p', { 'class': 'meta' }, ['No relations.']));
      Array.from(byType.keys()).sort().forEach(function (type) {
        body.appendChild(element('h4', {}, [type.replace(/_/g, ' ') + ' (' + byType.get(type).length + ')']));
        var list = element('ul', { 'class': 'relations' });
        byType.get(type).forEach(function (r) { list.appendChild(relationLine(r, e)); });
        body.appendChild(list);
      });
    }

    // The paths (entity sequences) into `out`, each step with its relations
    // and their evidence; `steps` is the adjacency they were found in.
    function listPaths(out, from, to, paths, steps, limit) {
      if (!paths.length) {
        out.appendChild(element('p', {}, ['No path from ' + entities[from].name + ' to ' + entities[to].name + ' with these filters.']));
        return;
      }
      var hops = paths[0].length - 1;
      out.appendChild(element('p', {}, [paths.length + (paths.length >= limit ? '+' : '') + ' shortest path' +
        (paths.length === 1 ? '' : 's') + ' of ' + hops + ' step' + (hops === 1 ? '' : 's') + ':']));
      paths.forEach(function (path) {
        var box = element('div', { 'class': 'path' });
        var list = element('ol', { 'class': 'steps' });
        for (var i = 1; i < path.length; ++i) {
          model.stepRelations(steps, path[i - 1], path[i]).forEach(function (step) {
            var relation = relations[step.relation];
            var item = element('li', {}, [entityLink(path[i - 1]), ' ' + (step.forward ? '' : '\u2190 ') +
              relation.type.replace(/_/g, ' ') + (step.forward ? ' \u2192 ' : ' '), entityLink(path[i]),
            element('span', { 'class': 'meta' }, [' (' + dates(relation) + ')'])]);
            item.dataset.relation = String(step.relation);
            item.appendChild(evidenceList(relation));
            list.appendChild(item);
          });
        }
        box.appendChild(list);
        out.appendChild(box);
      });
    }

    return { showEntity: showEntity, showRelation: showRelation, listPaths: listPaths };
  }

  return { create: create };
})();
