// What pseudo-C does not support (docs/language.md, "Not supported") is refused at compile time with
// an error at the construct, never run with a silently different meaning.
import { expect, test } from 'vitest';
import { compileC } from '../support/run-c';

/** The first error's message, or undefined when the program compiles. */
function firstError(src: string): string | undefined {
  const r = compileC(src);
  return r.program ? undefined : r.diagnostics.find((d) => d.severity === 'error')?.message;
}

test.each([
  ['K&R definition', 'int f(a) int a; { return a; }\nint main(void) { return f(1); }', "unknown type name 'a'"],
  ['nested function', 'int main(void) { int g(void) { return 1; } return g(); }', "nested function 'g' is not supported"],
  ['wide string', 'int main(void) { const void *s = L"x"; return s == 0; }', 'wide string literals are not supported'],
  ['wide character', "int main(void) { return L'x'; }", 'wide character constants are not supported'],
  ['_Generic', 'int main(void) { return _Generic(1, int: 0, default: 1); }', "expected expression before '_Generic'"],
  ['complex type', 'int main(void) { _Complex double z = 1; return z == 1; }', 'complex types are not supported'],
  ['inline asm statement', 'int main(void) { asm("nop"); return 0; }', "expected expression before 'asm'"],
  ['label address', 'int main(void) { void *p = &&out; out: return p == 0; }', 'taking the address of a label is not supported'],
  ['range designator', 'int a[4] = {[0 ... 3] = 1};\nint main(void) { return a[0]; }', 'ranges in array designators are not supported'],
  ['omitted middle operand', 'int main(void) { int x = 1 ?: 2; return x; }', "expected expression before ':' token"],
  ['offsetof with an index', '#include <stddef.h>\nstruct s { int a[3]; };\nint main(void) { return offsetof(struct s, a[1]); }', 'array indexes in offsetof are not supported'],
  ['variable inner VLA dimension', 'int main(void) { int r = 2, c = 3; int m[r][c]; m[0][0] = 0; return m[0][0]; }', 'array size is not an integer constant here'],
  ['setjmp', '#include <setjmp.h>\nint main(void) { return 0; }', 'setjmp.h: No such file or directory'],
])('%s', (_name, src, message) => {
  expect(firstError(src)).toContain(message);
});
