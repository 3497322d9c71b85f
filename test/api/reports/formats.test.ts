import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { rows } from '../support';
import { download, exported, ok, parseCsv, type SeededMonth, seedMonth, yuan } from './fixtures';

/**
 * Every kind, both formats: the rows equal what D1 holds, computed here with SQL of the test's
 * own. The XLSX is parsed back with SheetJS (an independent reader) and compared cell by cell:
 * text as text, numbers as numbers, scores and money formatted 0.00.
 */
type Want = string | number | { h: number } | null;
const h = (n: number): Want => ({ h: n });
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const statusZh: Record<string, string> = { draft: '草稿', submitted: '已提交', appealed: '申诉中' };
const half = (a: number, b: number) => Math.floor((2 * a + b) / (2 * b));

let m: SeededMonth;
let auditTo: string;
beforeAll(async () => {
  m = await seedMonth();
  ok(await m.t.owner.post('/periods', { key: '2026-10' }), 201);
  ok(await m.t.owner.post('/periods', { key: '2026-12' }), 201);
  auditTo = new Date().toISOString();
}, 60_000);

const evaluationsOf = (periodId: string) =>
  rows<any>(
    `SELECT p.employee_no, p.name, d.name AS dept, pos.name AS pos, e.*, json_extract(e.breakdown, '$.categories') AS cats
       FROM evaluations e JOIN employees p ON p.id = e.employee_id JOIN departments d ON d.id = e.department_id
       JOIN positions pos ON pos.id = e.position_id
      WHERE e.tenant_id = ? AND e.period_id = ? ORDER BY p.employee_no`,
    m.t.tenantId,
    periodId,
  );

const cases: Record<
  string,
  () => Promise<{ body: Record<string, unknown>; header: string[]; rows: Want[][]; title: string }>
> = {
  'period-scores': async () => {
    const es = await evaluationsOf(m.periodId);
    const cats = JSON.parse(es[0].cats) as { name: string }[];
    return {
      body: { kind: 'period-scores', periodId: m.periodId },
      title: '考核成绩-2026-11',
      header: ['工号', '姓名', '部门', '岗位', ...cats.map((c) => c.name), '总分', '等级', 'K', '状态'],
      rows: es.map((e) => [
        e.employee_no,
        e.name,
        e.dept,
        e.pos,
        ...JSON.parse(e.cats).map((c: any) => h(Math.round(c.points * 100))),
        h(e.total_centi),
        e.grade,
        h(Math.round(e.k * 100)),
        statusZh[e.status]!,
      ]),
    };
  },
  payroll: async () => {
    const es = await evaluationsOf(m.periodId);
    const sum = (f: string) => es.reduce((a, e) => a + e[f], 0);
    return {
      body: { kind: 'payroll', periodId: m.periodId, includeOpen: true },
      title: '工资表-2026-11',
      header: [
        '工号',
        '姓名',
        '部门',
        '岗位',
        '基本工资',
        '绩效奖金基数',
        '等级',
        'K',
        '绩效奖金',
        '工资总额',
        '状态',
      ],
      rows: [
        ...es.map((e) => [
          e.employee_no,
          e.name,
          e.dept,
          e.pos,
          h(e.base_salary_fen),
          h(e.bonus_base_fen),
          e.grade,
          h(Math.round(e.k * 100)),
          h(e.bonus_fen),
          h(e.pay_total_fen),
          statusZh[e.status]!,
        ]),
        [
          '合计',
          null,
          null,
          null,
          h(sum('base_salary_fen')),
          h(sum('bonus_base_fen')),
          null,
          null,
          h(sum('bonus_fen')),
          h(sum('pay_total_fen')),
          null,
        ],
      ],
    };
  },
  'department-summary': async () => {
    const es = await evaluationsOf(m.periodId);
    const [version] = await rows<any>(
      'SELECT content FROM scheme_versions WHERE id = ?',
      es[0].scheme_version_id,
    );
    const bands = (JSON.parse(version.content).bands as any[]).sort((a, b) => b.min - a.min);
    const depts = [...new Set(es.map((e) => e.dept as string))].sort();
    return {
      body: { kind: 'department-summary', periodId: m.periodId },
      title: '部门汇总-2026-11',
      header: [
        '部门',
        '人数',
        '平均分',
        '中位数',
        '最低分',
        '最高分',
        ...bands.map((b) => `${b.grade}（${b.label}）`),
        '奖金合计',
      ],
      rows: depts.map((d) => {
        const of = es.filter((e) => e.dept === d);
        const s = of.map((e) => e.total_centi as number).sort((a, b) => a - b);
        const mid = s.length % 2 ? [s[(s.length - 1) / 2]!] : [s[s.length / 2 - 1]!, s[s.length / 2]!];
        return [
          d,
          of.length,
          h(
            half(
              s.reduce((a, b) => a + b, 0),
              s.length,
            ),
          ),
          h(
            half(
              mid.reduce((a, b) => a + b, 0),
              mid.length,
            ),
          ),
          h(s[0]!),
          h(s.at(-1)!),
          ...bands.map((b) => of.filter((e) => e.grade === b.grade).length),
          h(of.reduce((a, e) => a + e.bonus_fen, 0)),
        ];
      }),
    };
  },
  'employee-history': async () => {
    const es = await rows<any>(
      `SELECT p.employee_no, p.name, per.key, d.name AS dept, pos.name AS pos, e.*
           FROM evaluations e JOIN employees p ON p.id = e.employee_id JOIN periods per ON per.id = e.period_id
           JOIN departments d ON d.id = e.department_id JOIN positions pos ON pos.id = e.position_id
          WHERE e.tenant_id = ? AND per.key BETWEEN '2026-10' AND '2026-11' ORDER BY p.employee_no, per.key`,
      m.t.tenantId,
    );
    expect(new Set(es.map((e) => e.key))).toEqual(new Set(['2026-10', '2026-11']));
    return {
      body: { kind: 'employee-history', from: '2026-10', to: '2026-11' },
      title: '考核历史-2026-10-2026-11',
      header: ['工号', '姓名', '月份', '部门', '岗位', '总分', '等级', 'K', '绩效奖金', '工资总额', '状态'],
      rows: es.map((e) => [
        e.employee_no,
        e.name,
        e.key,
        e.dept,
        e.pos,
        h(e.total_centi),
        e.grade,
        h(Math.round(e.k * 100)),
        h(e.bonus_fen),
        h(e.pay_total_fen),
        statusZh[e.status]!,
      ]),
    };
  },
  'audit-log': async () => {
    const from = new Date(Date.now() - 3600_000).toISOString();
    const es = await rows<any>(
      `SELECT a.*, u.name AS user_name, k.name AS key_name FROM audit_log a
           LEFT JOIN users u ON u.tenant_id = a.tenant_id AND u.id = a.actor_id
           LEFT JOIN api_keys k ON k.tenant_id = a.tenant_id AND k.id = a.actor_id
          WHERE a.tenant_id = ? AND a.at >= ? AND a.at <= ? ORDER BY a.seq`,
      m.t.tenantId,
      from,
      auditTo,
    );
    expect(es.length).toBeGreaterThan(20);
    const beijing = (iso: string) =>
      new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
    const day = (iso: string) => beijing(iso).slice(0, 10).replaceAll('-', '');
    const actorType: Record<string, string> = { user: '用户', api_key: 'API 密钥', system: '系统' };
    return {
      body: { kind: 'audit-log', from, to: auditTo },
      title: `审计日志-${day(from)}-${day(auditTo)}`,
      header: [
        '序号',
        '时间（北京时间）',
        '时间（UTC）',
        '操作者类型',
        '操作者',
        '操作者 ID',
        '操作',
        '对象类型',
        '对象 ID',
        '变更前',
        '变更后',
      ],
      rows: es.map((e) => [
        e.seq,
        beijing(e.at),
        e.at,
        actorType[e.actor_type]!,
        e.user_name ?? e.key_name,
        e.actor_id,
        e.action,
        e.entity_type,
        e.entity_id,
        e.before,
        e.after,
      ]),
    };
  },
};

const asCsv = (w: Want) => (w === null ? '' : typeof w === 'object' ? yuan(w.h) : String(w));

describe.each(Object.keys(cases))('%s', (kind) => {
  it('CSV rows equal the database', async () => {
    const want = await cases[kind]!();
    const report = await exported(m.t.owner, { ...want.body, format: 'csv' });
    expect(report.fileName).toBe(`${want.title}.csv`);
    const text = utf8.decode((await download(m.t.owner, report.id)).bytes);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...body] = parseCsv(text.slice(1));
    expect(header).toEqual(want.header);
    expect(body).toEqual(want.rows.map((r) => r.map(asCsv)));
    expect(report.rows).toBe(kind === 'payroll' ? want.rows.length - 1 : want.rows.length);
  });

  it('XLSX, parsed back, has every cell equal, numbers as numbers, a frozen header', async () => {
    const want = await cases[kind]!();
    const report = await exported(m.t.owner, { ...want.body, format: 'xlsx' });
    expect(report.fileName).toBe(`${want.title}.xlsx`);
    const { bytes, headers } = await download(m.t.owner, report.id);
    expect(headers.get('Content-Type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const book = XLSX.read(bytes, { type: 'array', cellNF: true, cellStyles: true });
    expect(book.SheetNames).toEqual([want.title]);
    const sheet = book.Sheets[want.title]!;
    const range = XLSX.utils.decode_range(sheet['!ref']!);
    expect(range.e.r + 1, 'header + rows').toBe(want.rows.length + 1);
    expect(range.e.c + 1).toBe(want.header.length);
    want.header.forEach((text, c) => {
      expect(sheet[XLSX.utils.encode_cell({ r: 0, c })]?.v).toBe(text);
    });
    want.rows.forEach((row, r) => {
      row.forEach((w, c) => {
        const cell = sheet[XLSX.utils.encode_cell({ r: r + 1, c })];
        const at = `${XLSX.utils.encode_cell({ r: r + 1, c })} (${want.header[c]})`;
        if (w === null) expect(cell?.v ?? null, at).toBeNull();
        else if (typeof w === 'object') {
          expect(cell?.t, at).toBe('n');
          expect(Math.round(cell!.v * 100), at).toBe(w.h);
          expect(cell!.z, at).toBe('0.00');
        } else if (typeof w === 'number') {
          expect(cell?.t, at).toBe('n');
          expect(cell!.v, at).toBe(w);
        } else {
          expect(cell?.t, at).toBe('s');
          expect(cell!.v, at).toBe(w);
        }
      });
    });
    // Columns sized to fit their header, the header row frozen.
    const zip = XLSX.CFB.read(bytes, { type: 'array' });
    const entry = zip.FullPaths.findIndex((p: string) => p.endsWith('xl/worksheets/sheet1.xml'));
    expect(entry, zip.FullPaths.join(' ')).toBeGreaterThanOrEqual(0);
    const sheetXml = new TextDecoder().decode(zip.FileIndex[entry]!.content as Uint8Array);
    // Columns at least as wide as their header (a CJK character is two wide); a column left
    // out of <cols> has Excel's default width, about 8.43.
    const cols = sheet['!cols']!;
    want.header.forEach((text, c) => {
      const wide = [...text].reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
      expect(cols[c]?.width ?? 8.43, `width of ${text}`).toBeGreaterThanOrEqual(wide);
    });
    expect(sheetXml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
  });
});
