// The terminal's settings, as TCGETS gives them (tty_ioctl): the kernel's struct termios (asm-generic/
// termbits.h, 36 bytes: four flag words, the line discipline, 19 control characters).

/**
 * A pseudo-terminal's struct termios as a login session has it (stty sane): ICRNL|IXON, OPOST|ONLCR,
 * B38400|CS8|CREAD, ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, line discipline 0, and the
 * control characters ^C ^\\ DEL ^U ^D, VTIME 0, VMIN 1, ^Q ^S ^Z, ^R ^O ^W ^V.
 */
export const TERMINAL_TERMIOS: Uint8Array = (() => {
  const t = new Uint8Array(36);
  const v = new DataView(t.buffer);
  v.setUint32(0, 0o2400, true);
  v.setUint32(4, 0o5, true);
  v.setUint32(8, 0o277, true);
  v.setUint32(12, 0o105073, true);
  t.set([3, 0o34, 0o177, 0o25, 4, 0, 1, 0, 0o21, 0o23, 0o32, 0, 0o22, 0o17, 0o27, 0o26, 0], 17);
  return t;
})();
