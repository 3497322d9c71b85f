/**
 * A self-contained API reference: no CDN, so it works on an intranet or an offline laptop, and
 * no inline script or style, so it runs under a strict CSP. The script (docs.js) reads
 * /api/v1/openapi.json in the reader's language and renders every operation with its access,
 * parameters, body and answers, schemas as tables of described fields, and a search box.
 */
export const docsPage = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Jixiao API</title>
<link rel="stylesheet" href="/api/v1/docs/docs.css">
<script src="/api/v1/docs/docs.js" defer></script>
</head><body>
<header><h1 id="title">Jixiao 绩效 API</h1><a id="lang" href="?lang=en">English</a><p id="info"></p>
<input id="search" type="search" autocomplete="off" aria-label="搜索 / Search"></header>
<div class="layout"><nav id="nav"></nav><main id="ops"></main></div>
</body></html>`;

export const docsStyle = `body{font:14px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1f2933;background:#f7f8fa}
header{background:#0b5cad;color:#fff;padding:16px 24px;position:sticky;top:0;z-index:1}
header h1{margin:0;font-size:20px;display:inline-block}#lang{color:#fff;float:right}
#info{margin:4px 0 8px;opacity:.9;font-size:13px}#search{width:100%;max-width:560px;padding:6px 10px;font-size:14px;border-radius:4px;border:0}
.layout{display:flex;max-width:1280px;margin:0 auto}nav{width:200px;flex:none;padding:16px;position:sticky;top:120px;align-self:flex-start}
nav a{display:block;padding:2px 0;color:#0b5cad;text-decoration:none}main{flex:1;min-width:0;padding:8px 24px 48px}
h2{border-bottom:1px solid #d9dee4;padding-bottom:4px;margin-top:28px}.desc{color:#3e4c59}
details.op{background:#fff;border:1px solid #d9dee4;border-radius:6px;margin:8px 0;padding:8px 12px}
summary{cursor:pointer}.m{display:inline-block;min-width:64px;font-weight:700}
.get{color:#0a7d32}.post{color:#0b5cad}.patch,.put{color:#a15c00}.delete{color:#b42318}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px}
.access{color:#52606d;font-size:12.5px}table.fields{border-collapse:collapse;width:100%;margin:4px 0 8px;font-size:13px}
.fields td,.fields th{border:1px solid #e4e7eb;padding:3px 8px;text-align:left;vertical-align:top}.fields th{background:#f1f3f5}
tr[data-depth="1"] td:first-child{padding-left:22px}tr[data-depth="2"] td:first-child{padding-left:38px}
tr[data-depth="3"] td:first-child,tr[data-depth="4"] td:first-child{padding-left:54px}tr.alt td{background:#f7f8fa;font-style:italic}
details.response{margin:4px 0 4px 8px}.s2 strong{color:#0a7d32}.s4 strong{color:#a15c00}.s5 strong{color:#b42318}
`;
