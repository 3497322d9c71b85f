/**
 * A self-contained API reference: no CDN, so it works on an intranet or an offline laptop.
 * It reads /api/v1/openapi.json and renders every operation with its access, parameters,
 * body and answers; schemas are expanded from components on demand.
 */
export const docsPage = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Jixiao API 文档</title>
<style>
body{font:14px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1f2933;background:#f7f8fa}
header{background:#0b5cad;color:#fff;padding:16px 24px}header h1{margin:0;font-size:20px}
main{max-width:1100px;margin:0 auto;padding:16px 24px}nav a{margin-right:12px}
h2{border-bottom:1px solid #d9dee4;padding-bottom:4px;margin-top:32px}
details{background:#fff;border:1px solid #d9dee4;border-radius:6px;margin:8px 0;padding:8px 12px}
summary{cursor:pointer}.m{display:inline-block;min-width:64px;font-weight:700;text-transform:uppercase}
.get{color:#0a7d32}.post{color:#0b5cad}.patch,.put{color:#a15c00}.delete{color:#b42318}
code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px}pre{background:#f1f3f5;padding:8px;overflow:auto;border-radius:4px}
.access{color:#52606d;font-size:12.5px}table{border-collapse:collapse}td,th{border:1px solid #e4e7eb;padding:2px 8px;text-align:left}
</style></head><body>
<header><h1>Jixiao 绩效 API</h1><div id="info"></div></header>
<main><nav id="nav"></nav><div id="ops">加载中… / Loading…</div></main>
<script>
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));
let doc;
function resolve(schema, depth) {
  if (!schema || depth > 6) return schema;
  if (schema.$ref) return resolve(doc.components.schemas[schema.$ref.split('/').pop()], depth + 1);
  const out = Array.isArray(schema) ? [] : {};
  for (const [k, v] of Object.entries(schema)) out[k] = typeof v === 'object' && v ? resolve(v, depth + 1) : v;
  return out;
}
const pre = (o) => '<pre>' + esc(JSON.stringify(resolve(o, 0), null, 2)) + '</pre>';
function access(op) {
  const a = op['x-access'];
  if (!a) return '';
  if (a.public) return '<div class="access">公开 / public</div>';
  return '<div class="access">角色 roles: ' + esc(a.roles.join(', ') || '—') + ' · 密钥范围 key scopes: ' + esc(a.scopes.join(', ') || '—') + '</div>';
}
function render(path, method, op) {
  let h = '<details><summary><span class="m ' + method + '">' + method + '</span> <code>' + esc(path) + '</code> — ' + esc(op.summary || '') + '</summary>';
  h += access(op);
  if (op.parameters && op.parameters.length) {
    h += '<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>required</th><th>schema</th></tr>';
    for (const p of op.parameters) h += '<tr><td>' + esc(p.name) + '</td><td>' + esc(p.in) + '</td><td>' + (p.required ? 'yes' : '') + '</td><td><code>' + esc(JSON.stringify(p.schema)) + '</code></td></tr>';
    h += '</table>';
  }
  const body = op.requestBody && op.requestBody.content && Object.values(op.requestBody.content)[0];
  if (body) h += '<h4>Request body</h4>' + pre(body.schema);
  for (const [status, r] of Object.entries(op.responses || {})) {
    const c = r.content && Object.values(r.content)[0];
    h += '<h4>' + esc(status) + ' ' + esc(r.description || '') + '</h4>' + (c && status < 400 ? pre(c.schema) : '');
  }
  return h + '</details>';
}
fetch('openapi.json').then((r) => r.json()).then((d) => {
  doc = d;
  document.getElementById('info').textContent = d.info.title + ' ' + d.info.version;
  const byTag = {};
  for (const [path, item] of Object.entries(d.paths)) for (const [method, op] of Object.entries(item)) {
    const tag = (op.tags && op.tags[0]) || 'Other';
    (byTag[tag] = byTag[tag] || []).push(render(path, method, op));
  }
  const tags = Object.keys(byTag);
  document.getElementById('nav').innerHTML = tags.map((t) => '<a href="#' + encodeURIComponent(t) + '">' + esc(t) + '</a>').join('');
  document.getElementById('ops').innerHTML = tags.map((t) => '<h2 id="' + encodeURIComponent(t) + '">' + esc(t) + '</h2>' + byTag[t].join('')).join('');
}).catch((e) => { document.getElementById('ops').textContent = 'openapi.json: ' + e; });
</script></body></html>`;
