import { describe, expect, it } from 'vitest';
import { lex } from '../../debug-adapter/engine/lang/lexer';

const texts = (src: string) => lex(src, 'a.c').tokens.filter((t) => t.kind !== 'eof').map((t) => t.text);
const diags = (src: string) => lex(src, 'a.c').diagnostics.map((d) => `${d.line}:${d.col}: ${d.severity}: ${d.message}`);

describe('lex', () => {
  it('ends with one eof token', () => {
    const { tokens } = lex('int x;', 'a.c');
    expect(tokens.map((t) => t.kind)).toEqual(['ident', 'ident', 'punct', 'eof']);
    expect(lex('', 'a.c').tokens).toHaveLength(1);
  });

  it('takes the longest punctuator', () => {
    expect(texts('a<<=b->c...d##e>>=f&&g||h!=i')).toEqual([
      'a', '<<=', 'b', '->', 'c', '...', 'd', '##', 'e', '>>=', 'f', '&&', 'g', '||', 'h', '!=', 'i',
    ]);
    expect(texts('x+++++y')).toEqual(['x', '++', '++', '+', 'y']);
    expect(texts('a..b')).toEqual(['a', '.', '.', 'b']);
  });

  it('reads pp-numbers whole, suffixes and exponent signs included', () => {
    const { tokens } = lex('0x1F 10UL 1e-5 3.f 0b101 .5 1.2e+3f 0x1p-3 1-2', 'a.c');
    expect(tokens.filter((t) => t.kind === 'number').map((t) => t.text)).toEqual([
      '0x1F', '10UL', '1e-5', '3.f', '0b101', '.5', '1.2e+3f', '0x1p-3', '1', '2',
    ]);
  });

  it('keeps literals with their prefixes, quotes and escapes', () => {
    const { tokens } = lex(`L"x" u"y" U'z' u8"w" "a\\"b" '\\'' 'ab' u8`, 'a.c');
    expect(tokens.map((t) => [t.kind, t.text])).toEqual([
      ['string', 'L"x"'], ['string', 'u"y"'], ['char', "U'z'"], ['string', 'u8"w"'],
      ['string', '"a\\"b"'], ['char', "'\\''"], ['char', "'ab'"], ['ident', 'u8'], ['eof', ''],
    ]);
  });

  it('removes comments and line splices, keeping where each token was written', () => {
    const { tokens } = lex('in\\\nt x; /* c\n c */ y // z \\\n still comment\n  w', 'a.c');
    expect(tokens.map((t) => `${t.text}@${t.line}:${t.col}`)).toEqual(['int@1:1', 'x@2:3', ';@2:4', 'y@3:7', 'w@5:3', '@5:4']);
  });

  it('sets spaceBefore and lineStart', () => {
    const { tokens } = lex('a b(c)\n d/**/e', 'a.c');
    expect(tokens.map((t) => [t.text, t.spaceBefore, t.lineStart])).toEqual([
      ['a', false, true], ['b', true, false], ['(', false, false], ['c', false, false], [')', false, false],
      ['d', true, true], ['e', true, false], ['', false, true],
    ]);
  });

  it('counts columns in bytes, a tab as one', () => {
    const { tokens } = lex('"é" x\n\ty', 'a.c');
    expect(tokens.map((t) => `${t.line}:${t.col}`)).toEqual(['1:1', '1:6', '2:2', '2:3']);
  });

  it('reports errors in gcc words at gcc columns', () => {
    expect(diags('int a = @;')).toEqual(["1:9: error: stray '@' in program"]);
    expect(diags('x;\nchar *s = "abc;\nint y;')).toEqual(['2:11: error: missing terminating " character']);
    expect(diags("char c = 'a;")).toEqual(["1:10: error: missing terminating ' character"]);
    expect(diags('int x;\n  /* never closed\n')).toEqual(['2:3: error: unterminated comment']);
  });

  it('keeps the rest of the line as one token after a missing quote, and goes on', () => {
    expect(texts('s = "abc;\nnext')).toEqual(['s', '=', '"abc;', 'next']);
  });

  it('places eof at the end of the last line, where gcc reports end-of-file problems', () => {
    const { tokens } = lex('a\n /* x\n', 'a.c');
    const eof = tokens[tokens.length - 1];
    expect([eof.line, eof.col]).toEqual([2, 6]);
  });
});
