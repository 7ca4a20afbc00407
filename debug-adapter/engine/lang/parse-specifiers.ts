// Declaration specifiers: base types and their combinations, storage classes, struct/union/enum
// specifiers with their bodies, typeof, and the GNU attributes skipped along the way.
import type { Storage } from './ast';
import type { SourcePos } from './token';
import type { CType, EnumType, StructType } from './types';
import { layoutStruct, T } from './types';
import type { ParserState } from './parse-state';
import { posOf } from './parse-state';
import { ASM_KEYWORDS, ATTRIBUTE_KEYWORDS, BASIC_TYPE_WORDS, IGNORED_SPECIFIERS, KEYWORDS, STORAGE_CLASSES, TAG_KEYWORDS, TYPEOF_KEYWORDS } from './parse-keywords';
import { foldInt, typeOfExpr } from './parse-consteval';
import { parseCondExpr, parseExpr } from './parse-expr';
import { parseDeclarator, parseTypeName, startsTypeName, typeOfDeclarator } from './parse-declarator';
import { parseStaticAssert } from './parse-declaration';

export interface DeclSpecs {
  type: CType;
  /** False when no type specifier was written: C90's implicit int, which gcc warns about. */
  hasType: boolean;
  storage: Storage | 'typedef' | undefined;
  /** A struct/union/enum tag or body was written: `struct s;` declares something. */
  declaresTag: boolean;
  pos: SourcePos;
}

type Primary = 'void' | 'char' | 'int' | 'float' | 'double' | '_Bool';
type Modifier = 'short' | 'long' | 'signed' | 'unsigned';

/** Which base types each modifier combines with (C11 6.7.2). */
const COMBINES: Record<Modifier, Primary[]> = {
  short: ['int'], long: ['int', 'double'], signed: ['int', 'char'], unsigned: ['int', 'char'],
};

class BaseTypeBuilder {
  primary: Primary | undefined;
  named: CType | undefined;
  short = false;
  long = 0;
  signed = false;
  unsigned = false;

  get seen(): boolean {
    return this.primary !== undefined || this.named !== undefined || this.short || this.long > 0 || this.signed || this.unsigned;
  }

  /** Adds a base-type word; returns gcc's message when the combination is invalid. */
  add(word: string): string | undefined {
    if (word === '__signed' || word === '__signed__') word = 'signed';
    if (this.named) return 'two or more data types in declaration specifiers';
    if (word in COMBINES) return this.addModifier(word as Modifier);
    const primary = word as Primary;
    if (this.primary) return 'two or more data types in declaration specifiers';
    for (const m of this.modifiers()) if (!COMBINES[m].includes(primary)) return `both '${m}' and '${primary}' in declaration specifiers`;
    if (primary === 'double' && this.long > 1) return `both 'long long' and 'double' in declaration specifiers`;
    this.primary = primary;
    return undefined;
  }

  addNamed(t: CType): string | undefined {
    if (this.seen) return 'two or more data types in declaration specifiers';
    this.named = t;
    return undefined;
  }

  private modifiers(): Modifier[] {
    const ms: Modifier[] = [];
    if (this.short) ms.push('short');
    if (this.long) ms.push('long');
    if (this.signed) ms.push('signed');
    if (this.unsigned) ms.push('unsigned');
    return ms;
  }

  private addModifier(m: Modifier): string | undefined {
    if (this.primary && !COMBINES[m].includes(this.primary)) return `both '${m}' and '${this.primary}' in declaration specifiers`;
    switch (m) {
      case 'short':
        if (this.short) return "duplicate 'short'";
        if (this.long) return "both 'long' and 'short' in declaration specifiers";
        this.short = true;
        return undefined;
      case 'long':
        if (this.short) return "both 'long' and 'short' in declaration specifiers";
        if (this.long === 2) return "'long long long' is too long for GCC";
        if (this.long === 1 && this.primary === 'double') return "both 'long long' and 'double' in declaration specifiers";
        this.long++;
        return undefined;
      case 'signed': case 'unsigned': {
        const other = m === 'signed' ? this.unsigned : this.signed;
        if (this[m]) return `duplicate '${m}'`;
        if (other) return "both 'signed' and 'unsigned' in declaration specifiers";
        this[m] = true;
        return undefined;
      }
    }
  }

  build(): CType {
    if (this.named) return this.named;
    switch (this.primary) {
      case 'void': return T.void;
      case '_Bool': return T.bool;
      case 'float': return T.float;
      case 'double': return this.long ? T.ldouble : T.double;
      case 'char': return this.signed ? T.schar : this.unsigned ? T.uchar : T.char;
      default:
        if (this.short) return this.unsigned ? T.ushort : T.short;
        if (this.long === 2) return this.unsigned ? T.ullong : T.llong;
        if (this.long === 1) return this.unsigned ? T.ulong : T.long;
        return this.unsigned ? T.uint : T.int;
    }
  }
}

/** An identifier nobody declared, used where a type belongs: gcc's "unknown type name" guess. */
export function looksLikeUnknownTypeName(p: ParserState, preferType: boolean, ahead = 0): boolean {
  const t = p.peek(ahead);
  if (t.kind !== 'ident' || KEYWORDS.has(t.text) || p.scope.lookup(t.text)) return false;
  const after = p.peek(ahead + 1);
  return preferType || after.kind === 'ident' || (after.kind === 'punct' && after.text === '*');
}

export function startsDeclSpecs(p: ParserState, ahead = 0): boolean {
  const t = p.peek(ahead);
  if (t.kind !== 'ident') return false;
  return BASIC_TYPE_WORDS.has(t.text) || IGNORED_SPECIFIERS.has(t.text) || STORAGE_CLASSES.has(t.text) || TAG_KEYWORDS.has(t.text)
    || TYPEOF_KEYWORDS.has(t.text) || ATTRIBUTE_KEYWORDS.has(t.text) || t.text === '_Alignas' || t.text === '_Complex' || p.isTypedefName(t);
}

/**
 * Parses declaration specifiers. `preferType` (parameter lists) makes any undeclared identifier in
 * type position an unknown type name, as gcc does there.
 */
export function parseDeclSpecs(p: ParserState, preferType = false): DeclSpecs {
  const pos = p.pos();
  const base = new BaseTypeBuilder();
  let storage: DeclSpecs['storage'];
  let declaresTag = false;
  for (;;) {
    const t = p.peek();
    if (t.kind !== 'ident') break;
    const w = t.text;
    if (IGNORED_SPECIFIERS.has(w)) { p.next(); continue; }
    // Accepting _Complex silently would give a real type of half the size: better to say so.
    if (w === '_Complex') { p.next(); p.report('error', posOf(t), 'complex types are not supported'); continue; }
    if (ATTRIBUTE_KEYWORDS.has(w)) { skipAttributes(p); continue; }
    if (w === '_Alignas') { p.next(); skipParenGroup(p); continue; }
    if (STORAGE_CLASSES.has(w)) {
      p.next();
      if (storage) p.report('error', posOf(t), 'multiple storage classes in declaration specifiers');
      else storage = w as DeclSpecs['storage'];
      continue;
    }
    if (BASIC_TYPE_WORDS.has(w)) {
      p.next();
      const problem = base.add(w);
      if (problem) p.report('error', posOf(t), problem);
      continue;
    }
    if (TAG_KEYWORDS.has(w)) {
      const tagged = w === 'enum' ? parseEnumSpecifier(p) : parseStructSpecifier(p);
      declaresTag = true;
      const problem = base.addNamed(tagged);
      if (problem) p.report('error', posOf(t), problem);
      continue;
    }
    if (TYPEOF_KEYWORDS.has(w)) {
      const problem = base.addNamed(parseTypeof(p));
      if (problem) p.report('error', posOf(t), problem);
      continue;
    }
    if (!base.seen && p.isTypedefName(t)) {
      p.next();
      base.addNamed((p.scope.lookup(w) as { type: CType }).type);
      continue;
    }
    if (!base.seen && looksLikeUnknownTypeName(p, preferType)) {
      p.next();
      p.report('error', posOf(t), `unknown type name '${w}'`);
      base.addNamed(T.int);
      continue;
    }
    break;
  }
  return { type: base.build(), hasType: base.seen, storage, declaresTag, pos };
}

/** Skips `__attribute__((…))` and `asm("…")` labels, which change nothing this implementation models. */
export function skipAttributes(p: ParserState): void {
  while (p.peek().kind === 'ident' && (ATTRIBUTE_KEYWORDS.has(p.peek().text) || ASM_KEYWORDS.has(p.peek().text))) {
    p.next();
    while (p.is('volatile') || p.is('__volatile__')) p.next();
    skipParenGroup(p);
  }
}

function skipParenGroup(p: ParserState): void {
  if (!p.require('(')) return;
  let nesting = 1;
  while (!p.atEof()) {
    const t = p.next();
    if (t.kind !== 'punct') continue;
    if (t.text === '(') nesting++;
    else if (t.text === ')' && --nesting === 0) return;
  }
}

function parseTypeof(p: ParserState): CType {
  p.next();
  if (!p.require('(')) return T.int;
  let t: CType | undefined;
  if (startsTypeName(p)) {
    t = parseTypeName(p);
  } else {
    const e = parseExpr(p);
    t = typeOfExpr(e, p.scope);
    if (!t && !p.error) p.report('error', e.pos, 'typeof of this expression is not supported');
  }
  p.skipUntilFound(')');
  return t ?? T.int;
}

/** Finds or creates the tag for `struct s` / `enum e`, reporting a clash with a tag of another kind. */
function tagFor<K extends StructType | EnumType>(p: ParserState, tag: string, at: SourcePos, defining: boolean, make: () => K, isSameKind: (t: StructType | EnumType) => boolean): K {
  const existing = defining ? p.scope.tags.get(tag) : p.scope.lookupTag(tag);
  if (existing && isSameKind(existing)) return existing as K;
  if (existing) p.report('error', at, `'${tag}' defined as wrong kind of tag`);
  const fresh = make();
  if (!existing) p.scope.tags.set(tag, fresh);
  return fresh;
}

function parseStructSpecifier(p: ParserState): StructType {
  const union = p.next().text === 'union';
  const kind = union ? 'union' : 'struct';
  skipAttributes(p);
  const tagTok = p.peek().kind === 'ident' ? p.next() : undefined;
  skipAttributes(p);
  const make = (): StructType => ({ kind: 'struct', union, tag: tagTok?.text, members: undefined, size: 0, align: 1 });
  const sameKind = (t: StructType | EnumType): boolean => t.kind === 'struct' && t.union === union;
  if (!p.is('{')) {
    if (!tagTok) {
      p.syntaxError("expected '{'");
      return make();
    }
    // `struct s;` alone declares the tag in this scope, hiding an outer one.
    const alone = p.is(';');
    return tagFor(p, tagTok.text, posOf(tagTok), alone, make, sameKind);
  }
  let st = tagTok ? tagFor(p, tagTok.text, posOf(tagTok), true, make, sameKind) : make();
  if (st.members !== undefined && tagTok) {
    p.report('error', posOf(tagTok), `redefinition of '${kind} ${tagTok.text}'`);
    st = make();
  }
  p.next();
  layoutStruct(st, p.nested(() => parseMembers(p)));
  p.require('}');
  skipAttributes(p);
  return st;
}

type MemberDecl = { name: string | undefined; type: CType; bitWidth?: number };

function parseMembers(p: ParserState): MemberDecl[] {
  const members: MemberDecl[] = [];
  while (!p.is('}') && !p.atEof()) {
    const start = p.i;
    if (p.is('_Static_assert')) { parseStaticAssert(p); continue; }
    if (p.accept(';')) continue;
    const specs = parseDeclSpecs(p);
    if (!specs.hasType) {
      p.syntaxError('expected specifier-qualifier-list');
      p.skipUntilFound(';');
      if (p.i === start) p.next();
      continue;
    }
    if (p.accept(';')) {
      // An unnamed struct/union member: its members are reached as if they were the outer struct's.
      if (specs.type.kind === 'struct' && specs.type.tag === undefined) members.push({ name: undefined, type: specs.type });
      else p.report('warning', specs.pos, 'declaration does not declare anything');
      continue;
    }
    parseMemberDeclarators(p, specs, members);
  }
  return members;
}

function parseMemberDeclarators(p: ParserState, specs: DeclSpecs, members: MemberDecl[]): void {
  for (;;) {
    const d = p.is(':') ? undefined : parseDeclarator(p, 'named');
    if (d && d.name === undefined) { p.skipUntilFound(';'); return; }
    const name = d?.name;
    const type = d ? typeOfDeclarator(p, d, specs.type, 'member') : specs.type;
    if (p.accept(':')) {
      const widthExpr = parseCondExpr(p);
      const width = foldInt(widthExpr, p.scope);
      const where = d?.namePos ?? widthExpr.pos;
      const label = name ? `'${name}'` : '<anonymous>';
      if (!width) p.report('error', where, `bit-field ${label} width not an integer constant`);
      else if (width.value < 0n) p.report('error', where, `negative width in bit-field ${label}`);
      else if (width.value > BigInt(type.kind === 'int' || type.kind === 'enum' ? type.size * 8 : 0)) p.report('error', where, `width of ${label} exceeds its type`);
      else if (width.value === 0n && name) p.report('error', where, `zero width for bit-field ${label}`);
      members.push({ name, type, bitWidth: Number(width?.value ?? 1n) });
    } else {
      members.push({ name, type });
    }
    skipAttributes(p);
    if (p.accept(',')) continue;
    if (p.accept(';')) return;
    if (p.is('}')) {
      p.report('warning', p.pos(), 'no semicolon at end of struct or union');
      return;
    }
    p.syntaxError("expected ':', ',', ';', '}' or '__attribute__'");
    p.skipUntilFound(';');
    return;
  }
}

function parseEnumSpecifier(p: ParserState): EnumType {
  p.next();
  skipAttributes(p);
  const tagTok = p.peek().kind === 'ident' ? p.next() : undefined;
  const make = (): EnumType => ({ kind: 'enum', tag: tagTok?.text, size: 4, signed: true, complete: false });
  const sameKind = (t: StructType | EnumType): boolean => t.kind === 'enum';
  if (!p.is('{')) {
    if (!tagTok) p.syntaxError("expected '{'");
    return tagTok ? tagFor(p, tagTok.text, posOf(tagTok), false, make, sameKind) : make();
  }
  let et = tagTok ? tagFor(p, tagTok.text, posOf(tagTok), true, make, sameKind) : make();
  if (et.complete && tagTok) {
    p.report('error', posOf(tagTok), `redefinition of 'enum ${tagTok.text}'`);
    et = make();
  }
  p.next();
  parseEnumerators(p);
  et.complete = true;
  skipAttributes(p);
  return et;
}

function parseEnumerators(p: ParserState): void {
  let next = 0n;
  while (!p.is('}')) {
    const nameTok = p.peek();
    if (nameTok.kind !== 'ident' || KEYWORDS.has(nameTok.text)) {
      p.syntaxError('expected identifier');
      p.skipUntilFound('}');
      return;
    }
    p.next();
    skipAttributes(p);
    if (p.accept('=')) {
      const valueExpr = parseCondExpr(p);
      const c = foldInt(valueExpr, p.scope);
      if (c) next = c.value;
      else if (!p.error) p.report('error', valueExpr.pos, `enumerator value for '${nameTok.text}' is not an integer constant`);
    }
    p.declare(nameTok.text, { kind: 'enumConst', value: BigInt.asIntN(64, next) }, posOf(nameTok));
    next++;
    if (p.accept(',')) continue;
    if (!p.is('}')) {
      p.syntaxError("expected ',' or '}'");
      p.skipUntilFound('}');
      return;
    }
  }
  p.next();
}
