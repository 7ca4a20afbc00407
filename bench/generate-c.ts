// Generates a large, realistic C program for the compile-speed benchmark: many small units, each with a
// struct, a lookup table, loops, a switch with fall-through, string literals, library calls and calls
// into the previous unit, so every part of the front end (preprocessor, parser, type checker, code
// generator) gets real work.

/** One unit of about 40 lines; unit i calls unit i-1 so that calls resolve across the file. */
function unit(i: number): string {
  const table = Array.from({ length: 8 }, (_, k) => (i * 31 + k * 17) % 97).join(', ');
  const callPrevious = i > 0 ? `run_${i - 1}(depth - 1) % 3` : '0';
  return `
/* ---- unit ${i} ---- */
struct record_${i} {
    int id;
    char name[16];
    double weight;
    struct record_${i} *next;
};

static const int table_${i}[8] = {${table}};

static int process_${i}(const struct record_${i} *r, int n) {
    int total = 0;
    for (int k = 0; k < n; k++) {
        switch ((k + r->id) % 4) {
        case 0: total += r->id * k; break;
        case 1: total -= table_${i}[k % 8]; break;
        case 2: total ^= (int)strlen(r->name); /* fall through */
        default: total += k;
        }
    }
    while (total > 1000) total /= 2;
    if (total < 0) total = -total;
    return total;
}

static const char *describe_${i}(int v) {
    static char buffer[64];
    const char *label = v % 2 ? "odd value in unit ${i}" : "even value in unit ${i}";
    snprintf(buffer, sizeof buffer, "%s: %d (weight %.2f)", label, v, v * 0.5);
    return strlen(buffer) > 10 ? buffer : "short";
}

int run_${i}(int depth) {
    struct record_${i} r = {${i}, "unit ${i}", ${i}.5, NULL};
    int v = process_${i}(&r, 10 + ${i % 7});
    if (depth <= 0) return v;
    return v + (int)strlen(describe_${i}(v)) + ${callPrevious};
}
`;
}

/** A complete C program of at least `minLines` lines that gcc and Forkscope both accept. */
export function generateCProgram(minLines: number): string {
  let text = '#include <stdio.h>\n#include <string.h>\n';
  let lines = 2;
  let units = 0;
  // Leave room for main (about 8 lines) within the requested size.
  while (lines + 8 < minLines) {
    const u = unit(units++);
    text += u;
    lines += u.split('\n').length - 1;
  }
  text += `
int main(void) {
    int sum = 0;
    for (int d = 0; d < 3; d++) sum += run_${units - 1}(d);
    printf("%d\\n", sum);
    return 0;
}
`;
  return text;
}

/** A JSON document of `lines` lines with the same flavour of content, for the JSON.parse baseline. */
export function generateJsonDocument(lines: number): string {
  const records: string[] = [];
  for (let i = 0; i < lines - 2; i++) {
    records.push(`  {"id": ${i}, "name": "unit ${i}", "weight": ${i}.5, "table": [${(i * 31) % 97}, ${(i * 17) % 89}]}`);
  }
  return `[\n${records.join(',\n')}\n]\n`;
}
