// The kernel's log buffer (kernel/printk): printk's records with their time and level, read back as
// dmesg prints them. A record starts with its level (KERN_INFO is SOH followed by '6').

const SOH = '\x01';
/** printk's KERN_ERR prefix: an error, which the quiet console shows. */
export const KERN_ERR = `${SOH}3`;
/** KERN_DEFAULT's level (CONFIG_MESSAGE_LOGLEVEL_DEFAULT). */
const DEFAULT_LOGLEVEL = 4;
/** The console shows records more urgent than this: Linux's quiet console_loglevel. */
const CONSOLE_LOGLEVEL = 4;

export interface LogRecord {
  ns: number;
  level: number;
  text: string;
}

export class KernelLog {
  readonly records: LogRecord[] = [];

  /** Appends printk's formatted message; returns the console's line for it, if the console shows it. */
  append(message: string, ns: number): string | undefined {
    let level = DEFAULT_LOGLEVEL;
    let text = message;
    let cont = false;
    while (text.startsWith(SOH) && text.length >= 2) {
      const c = text[1]!;
      if (c >= '0' && c <= '7') level = Number(c);
      else if (c === 'c') cont = true;
      text = text.slice(2);
    }
    const last = this.records[this.records.length - 1];
    // KERN_CONT, or a record whose predecessor did not end its line, continues that line.
    if (last && (cont || !last.text.endsWith('\n'))) {
      last.text += text;
    } else {
      this.records.push({ ns, level, text });
    }
    return level < CONSOLE_LOGLEVEL ? `${stamp(ns)} ${text}` : undefined;
  }

  /** What `dmesg` prints: each line with its record's time. */
  dmesg(): string {
    let out = '';
    for (const r of this.records) {
      for (const line of r.text.replace(/\n$/, '').split('\n')) out += `${stamp(r.ns)} ${line}\n`;
    }
    return out;
  }
}

function stamp(ns: number): string {
  return `[${(ns / 1e9).toFixed(6).padStart(12)}]`;
}
