// Whole programs, robustness against arbitrary tokens, and speed.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { Token } from '../../debug-adapter/engine/lang/token';
import { parse } from '../../debug-adapter/engine/lang/parser';
import { lex } from '../../debug-adapter/engine/lang/lexer';
import { typeName } from '../../debug-adapter/engine/lang/types';
import { parseClean, parseSource, strip } from './parse-helpers';

// What <sys/types.h>, <unistd.h>, <sys/wait.h> and <stdio.h> would leave after preprocessing.
const FORK_WAIT = `
typedef int pid_t;
extern pid_t fork(void);
extern pid_t wait(int *wstatus);
extern pid_t getpid(void);
extern int printf(const char *__restrict __format, ...);
extern void exit(int __status) __attribute__ ((__noreturn__));

int main(int argc, char *argv[]) {
  int status;
  pid_t pid = fork();
  if (pid < 0) {
    printf("fork failed\\n");
    exit(1);
  } else if (pid == 0) {
    printf("child %d\\n", (int) getpid());
    exit(42);
  }
  wait(&status);
  if (((status) & 0x7f) == 0)
    printf("child exited with %d\\n", (((status) & 0xff00) >> 8));
  return 0;
}
`;

// Linux's list.h, with container_of and list_for_each_entry expanded by hand.
const LIST_HEAD = `
struct list_head { struct list_head *next, *prev; };
struct task { int pid; const char *name; struct list_head tasks; };
static inline void list_add(struct list_head *new, struct list_head *head) {
  new->next = head->next; new->prev = head; head->next->prev = new; head->next = new;
}
int sum(struct list_head *head) {
  struct task *pos;
  int total = 0;
  for (pos = ((typeof(*pos) *)((char *)(head->next) - __builtin_offsetof(typeof(*pos), tasks)));
       &pos->tasks != (head);
       pos = ((typeof(*pos) *)((char *)(pos->tasks.next) - __builtin_offsetof(typeof(*pos), tasks))))
    total += pos->pid;
  return total;
}
`;

describe('whole programs', () => {
  test('a fork/wait textbook program', () => {
    const unit = parseClean(FORK_WAIT);
    expect(unit.decls.map((d) => `${d.kind} ${d.name}: ${typeName(d.type)}`)).toEqual([
      'var fork: int(void)', 'var wait: int(int *)', 'var getpid: int(void)', 'var printf: int(char *, ...)',
      'var exit: void(int)', 'function main: int(int, char **)',
    ]);
  });

  test('struct list_head code with container_of and list_for_each_entry', () => {
    const unit = parseClean(LIST_HEAD);
    const sum = unit.decls.find((d) => d.name === 'sum')!;
    expect(sum.kind).toBe('function');
    const loop = sum.kind === 'function' ? sum.body.items[2] : undefined;
    expect(strip(loop)).toMatchObject({
      kind: 'for',
      init: { expr: { kind: 'assign', value: { kind: 'cast', to: 'struct task *', operand: { kind: 'binary', op: '-', right: { kind: 'offsetof', of: 'struct task', member: ['tasks'] } } } } },
      test: { kind: 'binary', op: '!=' },
      body: { kind: 'expr', expr: { kind: 'assign', op: '+=' } },
    });
  });
});

const TOKEN_TEXTS: [Token['kind'], string][] = [
  ['ident', 'int'], ['ident', 'x'], ['ident', 'typedef'], ['ident', 'struct'], ['ident', 'if'], ['ident', 'sizeof'], ['ident', 'T'],
  ['ident', 'return'], ['ident', 'enum'], ['ident', 'case'], ['ident', 'typeof'], ['number', '1'], ['number', '0x1fu'], ['number', '1.5'],
  ['ident', 'else'], ['ident', 'while'], ['ident', 'do'], ['ident', 'goto'], ['ident', 'default'], ['ident', 'union'], ['ident', 'static'],
  ['ident', '__builtin_offsetof'], ['ident', '__builtin_va_arg'], ['ident', '_Static_assert'], ['ident', '__attribute__'], ['number', '9x'],
  ['char', "'a'"], ['char', "''"], ['string', '"s"'], ['punct', '&'], ['punct', '++'], ['punct', '&&'], ['punct', '#'], ['punct', '('], ['punct', ')'], ['punct', '{'], ['punct', '}'], ['punct', '['], ['punct', ']'],
  ['punct', ';'], ['punct', ','], ['punct', '*'], ['punct', '='], ['punct', '+'], ['punct', '?'], ['punct', ':'], ['punct', '...'], ['punct', '.'], ['punct', '->'],
];

describe('robustness', () => {
  test('never throws on token soup, and always terminates', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...TOKEN_TEXTS), { maxLength: 200 }), (kinds) => {
      const tokens: Token[] = kinds.map(([kind, text], i) => ({ kind, text, file: 't.c', line: 1 + (i >> 3), col: 1 + (i & 7) * 4 }));
      tokens.push({ kind: 'eof', text: '', file: 't.c', line: 99, col: 1 });
      const r = parse(tokens);
      expect(r.diagnostics.filter((d) => d.message.startsWith('internal'))).toEqual([]);
    }), { numRuns: 3000 });
  });

  test('an empty token list is an empty translation unit', () => {
    expect(parse([])).toEqual({ unit: { decls: [] }, diagnostics: [] });
  });

  test('a well-formed program with a syntax error in each function reports each one', () => {
    const fns = Array.from({ length: 5 }, (_, i) => `int f${i}(int a) {\n  a = a * ;\n  return a;\n}`).join('\n');
    const r = parseSource(fns);
    expect(r.diagnostics.map((d) => d.line)).toEqual([2, 6, 10, 14, 18]);
    expect(r.unit.decls).toHaveLength(5);
  });
});

test('a 5,000-line program parses without a diagnostic (its speed is in npm run bench)', () => {
  const fn = (i: number) => `static int work${i}(int n) {\n  struct list_head h = { &h, &h };\n  int total = 0;\n  for (int k = 0; k < n; k++) {\n    total += (k * ${i}) % 7 + sizeof(struct task);\n  }\n  if (total > 100) total -= 3; else total++;\n  return total + sum(&h);\n}\n`;
  const src = LIST_HEAD + Array.from({ length: 560 }, (_, i) => fn(i)).join('');
  expect(src.split('\n').length).toBeGreaterThan(5000);
  const unit = parse(lex(src, 't.c').tokens);
  expect(unit.diagnostics).toEqual([]);
  expect(unit.unit.decls.filter((d) => d.kind === 'function' && d.name.startsWith('work'))).toHaveLength(560);
});
