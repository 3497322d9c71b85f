import { describe, expect, it } from 'vitest';
import { multiLine, oneLine, refusedCharacter } from '../../../worker/lib/text';

const issuesOf = (r: { success: boolean; error?: { issues: unknown[] } }) =>
  r.success ? [] : r.error!.issues;

describe('text rules (worker/lib/text.ts)', () => {
  it('one line refuses each line break, control, bidi and zero-width character, naming it and where', () => {
    const refused: [string, string][] = [
      ['\n', 'line_break'],
      ['\r', 'line_break'],
      ['\u2028', 'line_break'],
      ['\u2029', 'line_break'],
      ['\u0085', 'line_break'],
      ['\u0000', 'control_character'],
      ['\t', 'control_character'],
      ['\u001b', 'control_character'],
      ['\u007f', 'control_character'],
      ['\u009b', 'control_character'],
      ...['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'].map(
        (c): [string, string] => [c, 'bidi_control'],
      ),
      ['\u200e', 'bidi_control'],
      ['\u200f', 'bidi_control'],
      ['\u061c', 'bidi_control'],
      ...['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'].map((c): [string, string] => [c, 'zero_width']),
    ];
    for (const [ch, code] of refused) {
      const found = refusedCharacter(`客服😀${ch}部`, 'oneLine');
      const hex = ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      expect(found, `U+${hex}`).toMatchObject({ code, char: `U+${hex}`, position: 4 });
      expect(found?.texts.en, `U+${hex}`).toContain(`character 4 is`);
      expect(found?.texts['zh-CN'], `U+${hex}`).toContain('第 4 个字符');
    }
  });

  it('several lines allow LF and nothing else of the kind', () => {
    expect(refusedCharacter('第一行\n第二行\n', 'multiLine')).toBeUndefined();
    expect(refusedCharacter('a\r\nb', 'multiLine')).toMatchObject({
      code: 'not_lf',
      char: 'U+000D',
      position: 2,
    });
    expect(refusedCharacter('a\u2028b', 'multiLine')).toMatchObject({ code: 'not_lf' });
    expect(refusedCharacter('a\tb', 'multiLine')).toMatchObject({ code: 'control_character' });
    expect(refusedCharacter('a\u202eb', 'multiLine')).toMatchObject({ code: 'bidi_control' });
    expect(refusedCharacter('a\nb', 'oneLine')).toMatchObject({ code: 'line_break' });
  });

  it('ordinary text passes: Chinese, emoji pairs, spaces, NBSP, punctuation', () => {
    for (const s of [
      '绿苑物业服务有限公司',
      'KF-001',
      '王 丽',
      'a\u00a0b',
      '😀👍',
      'Ünïcödé',
      "O'Brien (A&B)",
    ]) {
      expect(refusedCharacter(s, 'oneLine'), s).toBeUndefined();
    }
  });

  it('as zod schemas: the check sees the text before trimming and stops there', () => {
    const name = oneLine().trim().min(1).max(5);
    expect(name.safeParse('  客服 ').data).toBe('客服');
    const nl = issuesOf(name.safeParse('\n'));
    expect(nl, 'a lone line break is refused as such, not also as too short').toHaveLength(1);
    expect(nl[0]).toMatchObject({ code: 'custom', params: { code: 'line_break' } });
    expect(issuesOf(name.safeParse('a\u202eb'))[0]).toMatchObject({ params: { code: 'bidi_control' } });
    expect(multiLine().safeParse('a\nb').success).toBe(true);
    expect(multiLine().safeParse('a\r\nb').success).toBe(false);
  });
});
