// Which identifiers are keywords, and which keywords start a declaration.

/** Ignored wherever they appear in declaration specifiers: they do not change what the program computes here. */
export const IGNORED_SPECIFIERS = new Set([
  'const', 'volatile', 'restrict', '__restrict', '__restrict__', '__const', '__const__', '__volatile', '__volatile__',
  'inline', '__inline', '__inline__', '_Noreturn', '__extension__', '_Thread_local', '__thread', '_Atomic',
]);
export const STORAGE_CLASSES = new Set(['typedef', 'extern', 'static', 'auto', 'register']);
export const BASIC_TYPE_WORDS = new Set([
  'void', 'char', 'short', 'int', 'long', 'float', 'double', 'signed', 'unsigned', '__signed', '__signed__', '_Bool',
]);
export const TAG_KEYWORDS = new Set(['struct', 'union', 'enum']);
export const TYPEOF_KEYWORDS = new Set(['typeof', '__typeof__', '__typeof']);
export const ATTRIBUTE_KEYWORDS = new Set(['__attribute__', '__attribute']);
export const ASM_KEYWORDS = new Set(['asm', '__asm__', '__asm']);

/** Words that start declaration specifiers (typedef names aside). */
export const DECLARATION_START = new Set([
  ...IGNORED_SPECIFIERS, ...STORAGE_CLASSES, ...BASIC_TYPE_WORDS, ...TAG_KEYWORDS, ...TYPEOF_KEYWORDS, ...ATTRIBUTE_KEYWORDS,
  '_Alignas', '_Complex',
]);

const OTHER_KEYWORDS = [
  'break', 'case', 'continue', 'default', 'do', 'else', 'for', 'goto', 'if', 'return', 'sizeof', 'switch', 'while',
  '_Alignof', '__alignof__', '__alignof', '_Generic', '_Static_assert', ...ASM_KEYWORDS,
];
export const KEYWORDS = new Set([...DECLARATION_START, ...OTHER_KEYWORDS]);
