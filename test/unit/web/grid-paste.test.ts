import { describe, expect, it } from 'vitest';
import {
  cellText,
  type PasteColumn,
  parseCell,
  percentText,
  placePaste,
  splitTsv,
} from '../../../web/src/grid-paste';

const rate = { type: 'ratio', scale: null } as const;
const count = { type: 'quantity', scale: null } as const;
const exam = { type: 'rating', scale: 100 } as const;

const value = (text: string, column: Parameters<typeof parseCell>[1] = rate) => {
  const p = parseCell(text, column);
  return 'value' in p ? p.value : p;
};

describe('a rate is typed in percent and sent as the exact fraction', () => {
  it.each([
    ['96', 0.96],
    ['96%', 0.96],
    ['96.5%', 0.965],
    ['96.5', 0.965],
    ['100', 1],
    ['0', 0],
    ['1', 0.01],
    ['0.5%', 0.005],
    ['33.333%', 0.33333],
    [' 96 % ', 0.96],
    ['９６．５％', 0.965],
    ['7e1%', 0.7],
  ])('%s → %s', (text, fraction) => {
    const v = value(text);
    expect(v).toBe(fraction);
    // Exact: the number prints as the decimal that was meant (the API reads that decimal).
    expect(String(v)).toBe(String(fraction));
  });

  it('moves the point on the text, not in floating point (14.3 / 100 is 0.14300000000000002)', () => {
    for (const [text, exact] of [
      ['14.3', '0.143'],
      ['28.6%', '0.286'],
      ['1.1', '0.011'],
      ['0.07%', '0.0007'],
      ['0.57%', '0.0057'],
    ] as const) {
      expect(Number(text.replace('%', '')) / 100, 'the float way is off').not.toBe(Number(exact));
      expect(String(value(text))).toBe(exact);
    }
  });

  it('refuses a bare fraction as ambiguous: 0.965 may mean 96.5% or 0.965%', () => {
    expect(parseCell('0.965', rate)).toEqual({
      empty: false,
      problem: { code: 'rate_ambiguous', text: '0.965', percent: '96.5' },
    });
    expect(parseCell('.5', rate)).toEqual({
      empty: false,
      problem: { code: 'rate_ambiguous', text: '0.5', percent: '50' },
    });
    expect(value('0.965%')).toBe(0.00965);
  });

  it('says a rate out of range in percent', () => {
    expect(parseCell('120%', rate)).toEqual({
      empty: false,
      problem: { code: 'rate_range', percent: '120' },
    });
    expect(parseCell('-5', rate)).toEqual({ empty: false, problem: { code: 'rate_range', percent: '-5' } });
  });

  it('shows a stored fraction in percent, exactly', () => {
    expect(percentText(0.965)).toBe('96.5');
    expect(percentText(0.0007)).toBe('0.07');
    expect(percentText(1)).toBe('100');
    expect(cellText(0.57, 'ratio')).toBe('57%');
    expect(cellText(null, 'ratio')).toBe('');
    expect(cellText(1080, 'quantity')).toBe('1080');
  });
});

describe('counts and ratings', () => {
  it('take plain numbers, thousands separators and full-width digits', () => {
    expect(value('1,080', count)).toBe(1080);
    expect(value('１０８０', count)).toBe(1080);
    expect(value('95.5', exam)).toBe(95.5);
    expect(parseCell('', count)).toEqual({ empty: true });
    expect(parseCell('  ', exam)).toEqual({ empty: true });
  });

  it('name what is wrong', () => {
    expect(parseCell('abc', count)).toEqual({ empty: false, problem: { code: 'not_a_number' } });
    expect(parseCell('95%', count)).toEqual({ empty: false, problem: { code: 'not_a_number' } });
    expect(parseCell('-1', count)).toEqual({ empty: false, problem: { code: 'negative' } });
    expect(parseCell('101', exam)).toEqual({ empty: false, problem: { code: 'rating_range', scale: 100 } });
    expect(parseCell('1.2.3', exam)).toEqual({ empty: false, problem: { code: 'not_a_number' } });
    expect(parseCell('1234567890123456', count)).toEqual({ empty: false, problem: { code: 'not_a_number' } });
  });
});

describe('splitting a block copied from Excel', () => {
  it('reads tabs and lines, CRLF and a final line break', () => {
    expect(splitTsv('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
  it('keeps a quoted cell whole, with its tab, line break and doubled quotes', () => {
    expect(splitTsv('"x\ty"\t"say ""hi"""\n"two\nlines"\t1')).toEqual([
      ['x\ty', 'say "hi"'],
      ['two\nlines', '1'],
    ]);
  });
});

const columns: PasteColumn[] = [
  { key: 'calls_answered', name: '电话接听量', type: 'quantity', scale: null },
  { key: 'reply_in_30min', name: '30分钟内回复率', type: 'ratio', scale: null },
  { key: 'exam', name: '业务考核书面考试', type: 'rating', scale: 100 },
];
const rows = [
  { employeeNo: 'KF001', employeeName: '张敏' },
  { employeeNo: 'KF002', employeeName: '李娜' },
  { employeeNo: 'KF003', employeeName: '李娜' },
];
const grid = { rows, columns };

describe('placing a pasted block', () => {
  it('with Chinese headers: rows by 工号 in any order, columns by label (units in brackets ignored)', () => {
    const text =
      '工号\t姓名\t30分钟内回复率（%）\t电话接听量(次)\n kf003 \t李娜\t96%\t1,080\nKF001\t张敏\t95.5\t\n';
    const r = placePaste(text, grid, { row: 0, col: 0 });
    expect(r.headers).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.placements).toEqual([
      { row: 2, key: 'reply_in_30min', text: '96%' },
      { row: 2, key: 'calls_answered', text: '1,080' },
      { row: 0, key: 'reply_in_30min', text: '95.5' },
    ]);
  });

  it('names an unknown 工号 and an unknown header by line, and places the rest', () => {
    const r = placePaste('工号\t电话接听量\t备注\nKF009\t1\tx\nKF002\t2\ty', grid, { row: 0, col: 0 });
    expect(r.problems).toEqual([
      { line: 1, code: 'unknown_header', header: '备注' },
      { line: 2, code: 'unknown_employee', employeeNo: 'KF009' },
    ]);
    expect(r.placements).toEqual([{ row: 1, key: 'calls_answered', text: '2' }]);
  });

  it('matches by 姓名 only when one employee has the name', () => {
    const r = placePaste('姓名\t业务考核书面考试\n张敏\t90\n李娜\t80\n王五\t70', grid, { row: 0, col: 0 });
    expect(r.placements).toEqual([{ row: 0, key: 'exam', text: '90' }]);
    expect(r.problems).toEqual([
      { line: 3, code: 'ambiguous_name', name: '李娜' },
      { line: 4, code: 'unknown_name', name: '王五' },
    ]);
  });

  it('takes indicator keys as headers too', () => {
    const r = placePaste('employeeNo\texam\nKF002\t88', grid, { row: 0, col: 0 });
    expect(r.placements).toEqual([{ row: 1, key: 'exam', text: '88' }]);
  });

  it('without headers: lands at the focused cell, and says which lines fall outside', () => {
    const r = placePaste('96\t90\n97\t\n98\t80', grid, { row: 1, col: 1 });
    expect(r.headers).toBe(false);
    expect(r.placements).toEqual([
      { row: 1, key: 'reply_in_30min', text: '96' },
      { row: 1, key: 'exam', text: '90' },
      { row: 2, key: 'reply_in_30min', text: '97' },
    ]);
    expect(r.problems).toEqual([{ line: 3, code: 'outside' }]);
  });
});
