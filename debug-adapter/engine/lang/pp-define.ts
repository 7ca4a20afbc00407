// Parses the rest of a #define line into a Macro, with gcc's diagnostics for malformed definitions.
import { diagnostic, type Diagnostic } from './diagnostics';
import type { Macro } from './pp-macro';
import type { SourcePos, Token } from './token';

const isPunct = (t: Token | undefined, text: string) => t !== undefined && t.kind === 'punct' && t.text === text;

/** Checks the token that should name a macro (#define, #undef, #ifdef); returns the message if it is wrong. */
export function macroNameError(tok: Token | undefined, directive: string): string | undefined {
  if (tok === undefined) return `no macro name given in #${directive} directive`;
  if (tok.kind !== 'ident') return 'macro names must be identifiers';
  if (tok.text === 'defined') return '"defined" cannot be used as a macro name';
  return undefined;
}

/**
 * `line` holds the tokens after `#define`; `lineEnd` is where the line ends, where gcc reports what
 * is missing. Returns undefined (after reporting) when the definition is malformed.
 */
export function parseDefine(line: readonly Token[], lineEnd: SourcePos, diagnostics: Diagnostic[]): Macro | undefined {
  const error = (pos: SourcePos, message: string) => {
    diagnostics.push(diagnostic('error', pos, message));
    return undefined;
  };
  const nameTok = line[0];
  const nameError = macroNameError(nameTok, 'define');
  if (nameError) return error(nameTok ?? lineEnd, nameError);

  let i = 1;
  let params: string[] | undefined;
  let variadic = false;
  // Function-like only when `(` touches the name: `#define F (x)` is an object-like macro.
  if (isPunct(line[1], '(') && !line[1].spaceBefore) {
    params = [];
    i = 2;
    for (;;) {
      const t = line[i];
      if (t === undefined) return error(lineEnd, "missing ')' in macro parameter list");
      if (isPunct(t, ')') && params.length === 0) {
        i++;
        break;
      }
      if (isPunct(t, '...')) {
        params.push('__VA_ARGS__');
        variadic = true;
      } else if (t.kind === 'ident') {
        if (params.includes(t.text)) return error(t, `duplicate macro parameter "${t.text}"`);
        if (t.text === '__VA_ARGS__') return error(t, '__VA_ARGS__ can not be used as a parameter name');
        params.push(t.text);
        // GNU named variadic parameter, as the Linux kernel writes it: `args...`
        if (isPunct(line[i + 1], '...')) {
          variadic = true;
          i++;
        }
      } else {
        return error(t, `expected parameter name, found "${t.text}"`);
      }
      i++;
      const sep = line[i];
      if (sep === undefined) return error(lineEnd, "missing ')' in macro parameter list");
      if (isPunct(sep, ')')) {
        i++;
        break;
      }
      if (variadic) return error(sep, `expected ')' after "..."`);
      if (!isPunct(sep, ',')) return error(sep, `expected ',' or ')', found "${sep.text}"`);
      i++;
    }
  }

  const body = line.slice(i);
  if (isPunct(body[0], '##') || isPunct(body[body.length - 1], '##')) {
    // gcc points at the end of the macro's head (its name or parameter list), not at the ##.
    return error(line[i - 1], "'##' cannot appear at either end of a macro expansion");
  }
  for (let k = 0; k < body.length; k++) {
    const t = body[k];
    if (params && isPunct(t, '#')) {
      const operand = body[k + 1];
      const isParam = operand?.kind === 'ident' && params.includes(operand.text);
      if (!isParam) return error(t, "'#' is not followed by a macro parameter");
    }
    if (t.kind === 'ident' && t.text === '__VA_ARGS__' && !(variadic && params?.[params.length - 1] === '__VA_ARGS__')) {
      diagnostics.push(diagnostic('warning', t, '__VA_ARGS__ can only appear in the expansion of a C99 variadic macro'));
    }
  }
  const paramIndex = new Map((params ?? []).map((p, k) => [p, k]));
  return { name: nameTok.text, params, variadic, paramIndex, body, pos: nameTok };
}
