/**
 * The API reference's script, served as /api/v1/docs/docs.js so the page needs no inline
 * script (CSP `script-src 'self'`). It builds the page with DOM calls, never innerHTML, from
 * /api/v1/openapi.json fetched in the reader's language (Accept-Language), and renders each
 * schema as a table of fields with type, required, description and example.
 */
export const docsScript = String.raw`(function () {
  'use strict';
  var UI = {
    'zh-CN': {
      search: '搜索接口、字段或说明…', loading: '加载中…', access: '谁可以调用', public: '公开',
      roles: '角色', scopes: 'API 密钥范围', none: '无', params: '参数', body: '请求体',
      responses: '响应', field: '字段', type: '类型', required: '必填', desc: '说明', example: '示例',
      yes: '是', noMatch: '没有匹配的接口', other: '其他', oneOf: '以下之一', items: '每一项',
      values: '取值', other_lang: 'English', title: 'API 参考'
    },
    en: {
      search: 'Search operations, fields or descriptions…', loading: 'Loading…', access: 'Who may call',
      public: 'public', roles: 'roles', scopes: 'API key scopes', none: 'none', params: 'Parameters',
      body: 'Request body', responses: 'Responses', field: 'Field', type: 'Type', required: 'Required',
      desc: 'Description', example: 'Example', yes: 'yes', noMatch: 'No operation matches', other: 'Other',
      oneOf: 'one of', items: 'each item', values: 'values', other_lang: '中文', title: 'API reference'
    }
  };
  var query = new URLSearchParams(location.search).get('lang');
  var lang = query === 'en' || query === 'zh-CN' ? query
    : (navigator.language || '').toLowerCase().indexOf('zh') === 0 || !navigator.language ? 'zh-CN' : 'en';
  var t = function (k) { return UI[lang][k]; };
  var doc = null;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }

  /** Follows $ref and merges allOf (how a described $ref is written), keeping the name. */
  function deref(schema) {
    var name = null;
    var guard = 0;
    while (schema && schema.$ref && guard++ < 20) {
      name = schema.$ref.split('/').pop();
      schema = doc.components.schemas[name];
    }
    if (schema && schema.allOf) {
      var merged = {};
      schema.allOf.forEach(function (part) {
        var r = deref(part);
        if (r.name && !name) name = r.name;
        Object.keys(r.schema).forEach(function (k) {
          if (k === 'properties') merged.properties = Object.assign({}, merged.properties, r.schema.properties);
          else if (k === 'required') merged.required = (merged.required || []).concat(r.schema.required);
          else if (merged[k] === undefined || k === 'description') merged[k] = r.schema[k];
        });
      });
      Object.keys(schema).forEach(function (k) { if (k !== 'allOf') merged[k] = schema[k]; });
      schema = merged;
    }
    return { schema: schema || {}, name: name };
  }

  function typeOf(schema) {
    var r = deref(schema);
    var s = r.schema;
    if (s.enum) return (s.type || 'string') + ' enum';
    if (s.const !== undefined) return JSON.stringify(s.const);
    if (s.type === 'array') return typeOf(s.items || {}) + '[]';
    var types = Array.isArray(s.type) ? s.type.join(' | ') : s.type;
    if (!types && (s.oneOf || s.anyOf)) types = t('oneOf');
    return (r.name ? r.name + ' ' : '') + (types ? '(' + types + ')' : s.properties ? '(object)' : '');
  }

  function exampleOf(s) {
    if (s.example !== undefined) return s.example;
    if (Array.isArray(s.examples) && s.examples.length) return s.examples[0];
    return undefined;
  }

  /** Rows for the fields of an object schema; nested objects and arrays of objects indent. */
  function fieldRows(schema, prefix, depth, rows, seen) {
    var s = deref(schema).schema;
    if (depth > 8) return;
    if (s.type === 'array' && s.items) return fieldRows(s.items, prefix + '[]', depth + 1, rows, seen);
    var alternatives = s.oneOf || s.anyOf;
    if (alternatives) {
      alternatives.forEach(function (alt, i) {
        var a = deref(alt);
        if (a.schema.type === 'null') return;
        // Name the alternative by its discriminator (type = quantity, formula = ratio …).
        var props = a.schema.properties || {};
        var tag = Object.keys(props).filter(function (k) {
          return (props[k].enum && props[k].enum.length === 1) || props[k].const !== undefined;
        }).map(function (k) { return k + ' = ' + (props[k].const !== undefined ? props[k].const : props[k].enum[0]); })[0];
        var label = prefix + ' (' + (i + 1) + ') ' + (tag || a.name || '');
        rows.push(el('tr', { class: 'alt' }, [el('td', { colspan: '5', text: label + ' — ' + (a.schema.description || t('oneOf')) })]));
        fieldRows(alt, prefix, depth + 1, rows, seen);
      });
      return;
    }
    var props = s.properties || {};
    var required = s.required || [];
    Object.keys(props).forEach(function (key) {
      var p = deref(props[key]).schema;
      var direct = props[key];
      var name = prefix ? prefix + '.' + key : key;
      var desc = direct.description || p.description || '';
      var values = p.enum ? ' ' + t('values') + ': ' + p.enum.join(', ') : '';
      var ex = exampleOf(direct);
      if (ex === undefined) ex = exampleOf(p);
      rows.push(el('tr', { 'data-depth': String(depth) }, [
        el('td', {}, [el('code', { text: name })]),
        el('td', { text: typeOf(direct) }),
        el('td', { text: required.indexOf(key) >= 0 ? t('yes') : '' }),
        el('td', { text: desc + values }),
        el('td', {}, [ex === undefined ? null : el('code', { text: JSON.stringify(ex) })])
      ]));
      var inner = p.type === 'array' ? deref(p.items || {}).schema : p;
      var refName = deref(p.type === 'array' ? p.items || {} : direct).name;
      if ((inner.properties || inner.oneOf || inner.anyOf) && !(refName && seen.indexOf(refName) >= 0)) {
        fieldRows(p, name, depth + 1, rows, refName ? seen.concat([refName]) : seen);
      }
    });
  }

  function schemaTable(schema) {
    var rows = [];
    fieldRows(schema, '', 0, rows, []);
    if (!rows.length) return el('p', { class: 'type', text: typeOf(schema) });
    var head = el('tr', {}, ['field', 'type', 'required', 'desc', 'example'].map(function (k) { return el('th', { text: t(k) }); }));
    return el('table', { class: 'fields' }, [el('thead', {}, [head]), el('tbody', {}, rows)]);
  }

  function accessLine(op) {
    var a = op['x-access'];
    if (!a) return null;
    var text = a.public ? t('public')
      : t('roles') + ': ' + (a.roles.join(', ') || t('none')) + ' · ' + t('scopes') + ': ' + (a.scopes.join(', ') || t('none'));
    return el('p', { class: 'access', text: t('access') + ': ' + text });
  }

  function operation(path, method, op) {
    var parts = [accessLine(op), op.description ? el('p', { class: 'desc', text: op.description }) : null];
    var params = op.parameters || [];
    if (params.length) {
      var rows = params.map(function (p) {
        return el('tr', {}, [
          el('td', {}, [el('code', { text: p.name })]), el('td', { text: p.in + ' ' + typeOf(p.schema || {}) }),
          el('td', { text: p.required ? t('yes') : '' }), el('td', { text: p.description || (p.schema && p.schema.description) || '' }),
          el('td', {}, [p.schema && exampleOf(p.schema) !== undefined ? el('code', { text: JSON.stringify(exampleOf(p.schema)) }) : null])
        ]);
      });
      var head = el('tr', {}, ['field', 'type', 'required', 'desc', 'example'].map(function (k) { return el('th', { text: t(k) }); }));
      parts.push(el('h4', { text: t('params') }), el('table', { class: 'fields' }, [el('thead', {}, [head]), el('tbody', {}, rows)]));
    }
    var body = op.requestBody && op.requestBody.content;
    if (body) {
      Object.keys(body).forEach(function (type) {
        parts.push(el('h4', { text: t('body') + ' (' + type + ')' }), schemaTable(body[type].schema || {}));
      });
    }
    parts.push(el('h4', { text: t('responses') }));
    Object.keys(op.responses || {}).forEach(function (status) {
      var r = op.responses[status];
      var content = r.content && r.content['application/json'];
      var box = el('details', { class: 'response s' + status.charAt(0) }, [
        el('summary', {}, [el('strong', { text: status }), ' ' + (r.description || '')])
      ]);
      if (content && content.schema) box.appendChild(schemaTable(content.schema));
      parts.push(box);
    });
    var haystack = [path, method, op.operationId, op.summary, op.description].concat(op.tags || []).join(' ').toLowerCase();
    var item = el('details', { class: 'op', id: op.operationId, 'data-search': haystack }, [
      el('summary', {}, [el('span', { class: 'm ' + method, text: method.toUpperCase() }), ' ', el('code', { text: path }), ' — ' + (op.summary || '')])
    ].concat(parts));
    return item;
  }

  function render() {
    document.documentElement.lang = lang;
    document.title = doc.info.title + ' — ' + t('title');
    document.getElementById('title').textContent = doc.info.title + ' ' + doc.info.version;
    document.getElementById('info').textContent = doc.info.description || '';
    var search = document.getElementById('search');
    search.placeholder = t('search');
    var other = lang === 'en' ? 'zh-CN' : 'en';
    var switcher = document.getElementById('lang');
    switcher.textContent = t('other_lang');
    switcher.href = '?lang=' + other;
    var byTag = {};
    var order = (doc.tags || []).map(function (tag) { return tag.name; });
    Object.keys(doc.paths).forEach(function (path) {
      Object.keys(doc.paths[path]).forEach(function (method) {
        var op = doc.paths[path][method];
        var tag = (op.tags && op.tags[0]) || t('other');
        if (order.indexOf(tag) < 0) order.push(tag);
        (byTag[tag] = byTag[tag] || []).push(operation(path, method, op));
      });
    });
    var nav = document.getElementById('nav');
    var ops = document.getElementById('ops');
    nav.textContent = '';
    ops.textContent = '';
    order.filter(function (tag) { return byTag[tag]; }).forEach(function (tag) {
      var meta = (doc.tags || []).filter(function (x) { return x.name === tag; })[0] || {};
      var id = 'tag-' + tag.replace(/[^A-Za-z0-9]+/g, '-');
      var title = meta['x-displayName'] || tag;
      nav.appendChild(el('a', { href: '#' + id, text: title }));
      ops.appendChild(el('section', { id: id, class: 'tag' }, [
        el('h2', { text: title }), meta.description ? el('p', { class: 'desc', text: meta.description }) : null
      ].concat(byTag[tag])));
    });
    ops.appendChild(el('p', { id: 'nomatch', hidden: 'hidden', text: t('noMatch') }));
  }

  function filter(text) {
    var words = text.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    document.querySelectorAll('details.op').forEach(function (op) {
      var hay = op.getAttribute('data-search') + ' ' + op.textContent.toLowerCase();
      var hit = words.every(function (w) { return hay.indexOf(w) >= 0; });
      op.hidden = !hit;
      if (hit) shown++;
    });
    document.querySelectorAll('section.tag').forEach(function (s) {
      s.hidden = !s.querySelector('details.op:not([hidden])');
    });
    document.getElementById('nomatch').hidden = shown > 0;
  }

  document.getElementById('search').addEventListener('input', function (e) { filter(e.target.value); });
  document.getElementById('ops').textContent = UI[lang].loading;
  fetch('openapi.json', { headers: { 'Accept-Language': lang } })
    .then(function (r) { return r.json(); })
    .then(function (d) { doc = d; render(); })
    .catch(function (e) { document.getElementById('ops').textContent = 'openapi.json: ' + e; });
})();
`;
