// Scopes the parser keeps, because C cannot be parsed without them: whether a name is a typedef decides
// between a declaration and an expression. Variables' types are kept too, for typeof and sizeof.
import type { CType, EnumType, StructType } from './types';

export type Ordinary =
  | { kind: 'typedef'; type: CType }
  | { kind: 'var'; type: CType }
  | { kind: 'enumConst'; value: bigint };

export type Tagged = StructType | EnumType;

export class Scope {
  readonly names = new Map<string, Ordinary>();
  readonly tags = new Map<string, Tagged>();
  constructor(readonly parent: Scope | undefined) {}

  lookup(name: string): Ordinary | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const found = s.names.get(name);
      if (found) return found;
    }
    return undefined;
  }

  lookupTag(tag: string): Tagged | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const found = s.tags.get(tag);
      if (found) return found;
    }
    return undefined;
  }
}

/** Two declarations of one name in one scope clash when they are different kinds of thing. */
export function differentKind(a: Ordinary, b: Ordinary): boolean {
  if (a.kind !== b.kind) return true;
  if (a.kind === 'var' && b.kind === 'var') return (a.type.kind === 'function') !== (b.type.kind === 'function');
  return a.kind === 'enumConst';
}
