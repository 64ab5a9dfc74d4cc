// Small DOM helpers for the evidence map. Everything from the graph goes
// into the page as text nodes and attribute values, never parsed as HTML.
var kgDom = (function () {
  'use strict';

  function byId(id) { return document.getElementById(id); }
  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  // [least, greatest] of numbers (Math.min.apply fails on very long lists).
  function extent(values) {
    return values.reduce(function (range, v) { return [Math.min(range[0], v), Math.max(range[1], v)]; }, [Infinity, -Infinity]);
  }

  return { byId: byId, element: element, clear: clear, extent: extent };
})();
