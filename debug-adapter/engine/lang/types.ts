// C types with x86-64 Linux (LP64) sizes and alignments.

export type IntName =
  | 'char' | 'signed char' | 'unsigned char'
  | 'short' | 'unsigned short'
  | 'int' | 'unsigned int'
  | 'long' | 'unsigned long'
  | 'long long' | 'unsigned long long'
  | '_Bool';

export interface VoidType { kind: 'void' }
export interface IntType { kind: 'int'; name: IntName; size: 1 | 2 | 4 | 8; signed: boolean }
export interface FloatType { kind: 'float'; name: 'float' | 'double' | 'long double'; size: 4 | 8 | 16 }
export interface PointerType { kind: 'pointer'; to: CType }
/** `length` is undefined for `int a[]` before an initializer completes it. */
export interface ArrayType { kind: 'array'; of: CType; length: number | undefined }
export interface Member { name: string | undefined; type: CType; offset: number; bitWidth?: number; bitOffset?: number }
/**
 * struct and union share one shape. `members` is undefined while the type is incomplete
 * (declared `struct s;` or used before its body). The object is mutated in place when the body arrives,
 * so every reference sees the completed type.
 */
export interface StructType {
  kind: 'struct';
  union: boolean;
  tag: string | undefined;
  members: Member[] | undefined;
  size: number;
  align: number;
}
export interface EnumType { kind: 'enum'; tag: string | undefined; size: 4; signed: true; complete: boolean }
export interface Param { name: string | undefined; type: CType }
export interface FunctionType {
  kind: 'function';
  ret: CType;
  params: Param[];
  variadic: boolean;
  /** `int f()` in C: parameters unspecified, any call is accepted. */
  unprototyped: boolean;
}

export type CType = VoidType | IntType | FloatType | PointerType | ArrayType | StructType | EnumType | FunctionType;

const int = (name: IntName, size: 1 | 2 | 4 | 8, signed: boolean): IntType => ({ kind: 'int', name, size, signed });

export const T = {
  void: { kind: 'void' } as VoidType,
  bool: int('_Bool', 1, false),
  char: int('char', 1, true), // char is signed on x86-64
  schar: int('signed char', 1, true),
  uchar: int('unsigned char', 1, false),
  short: int('short', 2, true),
  ushort: int('unsigned short', 2, false),
  int: int('int', 4, true),
  uint: int('unsigned int', 4, false),
  long: int('long', 8, true),
  ulong: int('unsigned long', 8, false),
  llong: int('long long', 8, true),
  ullong: int('unsigned long long', 8, false),
  float: { kind: 'float', name: 'float', size: 4 } as FloatType,
  double: { kind: 'float', name: 'double', size: 8 } as FloatType,
  // long double takes 16 bytes as on x86-64, but holds a double: the programs this project runs do not
  // depend on 80-bit precision.
  ldouble: { kind: 'float', name: 'long double', size: 16 } as FloatType,
} as const;

export const pointerTo = (to: CType): PointerType => ({ kind: 'pointer', to });
export const arrayOf = (of: CType, length: number | undefined): ArrayType => ({ kind: 'array', of, length });

export function isInteger(t: CType): t is IntType | EnumType {
  return t.kind === 'int' || t.kind === 'enum';
}
export function isArithmetic(t: CType): boolean {
  return t.kind === 'int' || t.kind === 'enum' || t.kind === 'float';
}
export function isScalar(t: CType): boolean {
  return isArithmetic(t) || t.kind === 'pointer';
}
export function isPointerLike(t: CType): t is PointerType | ArrayType {
  return t.kind === 'pointer' || t.kind === 'array';
}
export function isSigned(t: CType): boolean {
  return t.kind === 'enum' || (t.kind === 'int' && t.signed) || t.kind === 'float';
}
export function isComplete(t: CType): boolean {
  if (t.kind === 'void' || t.kind === 'function') return false;
  if (t.kind === 'struct') return t.members !== undefined;
  if (t.kind === 'array') return t.length !== undefined && isComplete(t.of);
  return true;
}

export function sizeOf(t: CType): number {
  switch (t.kind) {
    case 'void': return 1; // gcc's extension: sizeof(void) == 1, so void* arithmetic steps by bytes
    case 'int': case 'float': case 'enum': return t.size;
    case 'pointer': return 8;
    case 'array': return (t.length ?? 0) * sizeOf(t.of);
    case 'struct': return t.size;
    case 'function': return 1;
  }
}

export function alignOf(t: CType): number {
  switch (t.kind) {
    case 'array': return alignOf(t.of);
    case 'struct': return t.align;
    case 'void': case 'function': return 1;
    default: return sizeOf(t);
  }
}

export const alignUp = (n: number, a: number): number => Math.ceil(n / a) * a;

/** Lays out members as gcc does on x86-64 (bit-fields packed into units of their declared type). */
export function layoutStruct(st: StructType, members: { name: string | undefined; type: CType; bitWidth?: number }[]): void {
  const laid: Member[] = [];
  let offset = 0;
  let align = 1;
  let bitPos = 0; // position in bits, used while packing bit-fields
  for (const m of members) {
    const a = alignOf(m.type);
    const size = sizeOf(m.type);
    align = Math.max(align, a);
    if (st.union) {
      laid.push({ ...m, offset: 0, ...(m.bitWidth !== undefined ? { bitOffset: 0 } : {}) });
      offset = Math.max(offset, size);
      continue;
    }
    if (m.bitWidth !== undefined) {
      if (m.bitWidth === 0) { bitPos = alignUp(bitPos, a * 8); continue; }
      const unitBits = size * 8;
      // Start a new unit when the field would straddle a boundary of its type's size.
      if (Math.floor(bitPos / unitBits) !== Math.floor((bitPos + m.bitWidth - 1) / unitBits)) bitPos = alignUp(bitPos, unitBits);
      const unitStart = Math.floor(bitPos / unitBits) * size;
      laid.push({ ...m, offset: unitStart, bitOffset: bitPos - unitStart * 8 });
      bitPos += m.bitWidth;
      offset = Math.max(offset, Math.ceil(bitPos / 8));
      continue;
    }
    offset = alignUp(Math.max(offset, Math.ceil(bitPos / 8)), a);
    laid.push({ ...m, offset });
    offset += size;
    bitPos = offset * 8;
  }
  st.members = laid;
  st.align = align;
  st.size = alignUp(offset, align);
}

/** Finds a member, looking inside anonymous struct/union members; returns the accumulated offset. */
export function findMember(st: StructType, name: string): { member: Member; offset: number } | undefined {
  for (const m of st.members ?? []) {
    if (m.name === name) return { member: m, offset: m.offset };
    if (m.name === undefined && m.type.kind === 'struct') {
      const inner = findMember(m.type, name);
      if (inner) return { member: inner.member, offset: m.offset + inner.offset };
    }
  }
  return undefined;
}

/** C's spelling of a type, as gcc writes it in messages: `int *`, `char[10]`, `struct task_struct *`. */
export function typeName(t: CType): string {
  switch (t.kind) {
    case 'void': return 'void';
    case 'int': return t.name === 'long' ? 'long int' : t.name === 'unsigned long' ? 'long unsigned int' : t.name === 'unsigned int' ? 'unsigned int' : t.name;
    case 'float': return t.name;
    case 'enum': return `enum ${t.tag ?? '<anonymous>'}`;
    case 'struct': return `${t.union ? 'union' : 'struct'} ${t.tag ?? '<anonymous>'}`;
    case 'pointer': {
      if (t.to.kind === 'function') return `${typeName(t.to.ret)} (*)(${paramList(t.to)})`;
      const inner = typeName(t.to);
      return inner.endsWith('*') ? `${inner}*` : `${inner} *`;
    }
    case 'array': return `${typeName(t.of)}[${t.length ?? ''}]`;
    case 'function': return `${typeName(t.ret)}(${paramList(t)})`;
  }
}

function paramList(f: FunctionType): string {
  if (f.unprototyped) return '';
  const ps = f.params.map((p) => typeName(p.type));
  if (f.variadic) ps.push('...');
  return ps.length ? ps.join(', ') : 'void';
}

/** Integer promotion (C11 6.3.1.1): types narrower than int become int. */
export function promote(t: CType): CType {
  if (t.kind === 'enum') return T.int;
  if (t.kind === 'int' && t.size < 4) return T.int;
  return t;
}

/** The usual arithmetic conversions (C11 6.3.1.8). */
export function usualArithmetic(a: CType, b: CType): CType {
  if (a.kind === 'float' || b.kind === 'float') {
    const sa = a.kind === 'float' ? a.size : 0;
    const sb = b.kind === 'float' ? b.size : 0;
    const widest = Math.max(sa, sb);
    return widest === 16 ? T.ldouble : widest === 8 ? T.double : T.float;
  }
  const pa = promote(a) as IntType;
  const pb = promote(b) as IntType;
  if (pa.size !== pb.size) {
    const [big, small] = pa.size > pb.size ? [pa, pb] : [pb, pa];
    void small;
    return big.size === 8 ? (big.signed ? T.long : T.ulong) : big;
  }
  if (!pa.signed || !pb.signed) return pa.size === 8 ? T.ulong : T.uint;
  return pa.size === 8 ? T.long : T.int;
}

export function sameType(a: CType, b: CType): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'int': return a.size === (b as IntType).size && a.signed === (b as IntType).signed && (a.name === '_Bool') === ((b as IntType).name === '_Bool');
    case 'float': return a.size === (b as FloatType).size;
    case 'pointer': return sameType(a.to, (b as PointerType).to);
    case 'array': return sameType(a.of, (b as ArrayType).of);
    // The same tag in two translation units (a header included by both) names the same type.
    case 'struct': {
      const o = b as StructType;
      if (a.union !== o.union) return false;
      // A unit that only declares the tag (struct rusage; before wait4's prototype) has it incomplete:
      // compatible with the complete type of the same tag (C11 6.2.7).
      if (a.members === undefined || o.members === undefined) return a.tag !== undefined && a.tag === o.tag;
      if (a.size !== o.size) return false;
      if (a.tag !== undefined || o.tag !== undefined) return a.tag === o.tag;
      // An anonymous struct from a header (typedef struct {...} div_t) is parsed once per translation unit.
      const am = a.members ?? [];
      const bm = o.members ?? [];
      return am.length === bm.length && am.every((m, i) => m.name === bm[i]!.name && m.offset === bm[i]!.offset && sameType(m.type, bm[i]!.type));
    }
    // Anonymous enums from a header parsed once per translation unit: compatible, as both are int.
    case 'enum': return a.tag === (b as EnumType).tag;
    case 'function': {
      const f = b as FunctionType;
      return sameType(a.ret, f.ret) && a.params.length === f.params.length && a.params.every((p, i) => sameType(p.type, f.params[i]!.type));
    }
    default: return true;
  }
}
