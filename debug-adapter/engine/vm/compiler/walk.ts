// Walks the expressions of a syntax tree, for the compiler's prepasses (which locals have their address
// taken, how much read-only data the string literals need). Typed, so it visits only syntax, never the
// CType objects hanging off the nodes.
import type { Expr, Initializer, Stmt, TopLevel } from '../../lang/ast';

export function forEachExpr(node: Stmt | TopLevel | Initializer, visit: (e: Expr) => void): void {
  const ex = (e: Expr | undefined): void => {
    if (!e) return;
    visit(e);
    switch (e.kind) {
      case 'unary': case 'sizeofExpr': ex(e.operand); break;
      case 'cast': ex(e.operand); break;
      case 'binary': ex(e.left); ex(e.right); break;
      case 'assign': ex(e.target); ex(e.value); break;
      case 'cond': ex(e.test); ex(e.then); ex(e.else); break;
      case 'call': ex(e.callee); for (const a of e.args) ex(a); break;
      case 'index': ex(e.base); ex(e.index); break;
      case 'member': ex(e.object); break;
      case 'compoundLiteral': init(e.init); break;
      case 'stmtExpr': st(e.body); break;
      case 'vaArg': ex(e.ap); break;
      default: break;
    }
  };
  const init = (i: Initializer | undefined): void => {
    if (!i) return;
    if (i.kind === 'expr') ex(i.expr);
    else for (const item of i.items) {
      for (const d of item.designators) if (d.kind === 'index') ex(d.index);
      init(item.init);
    }
  };
  const st = (s: Stmt | undefined): void => {
    if (!s) return;
    switch (s.kind) {
      case 'block': for (const x of s.items) st(x); break;
      case 'expr': ex(s.expr); break;
      case 'decl': for (const d of s.decls) { init(d.init); ex(d.vlaLength); } break;
      case 'if': ex(s.test); st(s.then); st(s.else); break;
      case 'while': case 'doWhile': ex(s.test); st(s.body); break;
      case 'for': st(s.init); ex(s.test); ex(s.update); st(s.body); break;
      case 'switch': ex(s.test); st(s.body); break;
      case 'case': ex(s.value); ex(s.high); st(s.body); break;
      case 'default': case 'label': st(s.body); break;
      case 'return': ex(s.value); break;
      default: break;
    }
  };
  if (node.kind === 'function') st(node.body);
  else if (node.kind === 'var') { init(node.init); ex(node.vlaLength); }
  else if (node.kind === 'expr' || node.kind === 'list') init(node as Initializer);
  else st(node as Stmt);
}
