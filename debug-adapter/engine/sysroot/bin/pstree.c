/* /bin/pstree: the process tree, as psmisc's pstree draws it. Real pstree reads /proc; Forkscope's gets
   the same fields from proc_stat_list (linux/proc_stat.h).
     pstree       the tree under init (PID 1); identical sibling subtrees merged as N*[name], a process's
                  threads shown as its children {name}
     pstree -p    with each PID (or a thread's TID) after its name, nothing merged
     pstree PID   the tree under PID (nothing at all when there is no such process)
   The lines are drawn in ASCII: pstree uses UTF-8 or VT100 line drawing only on a terminal whose locale
   or TERM asks for it, and Forkscope's environment sets neither LANG nor TERM. As on a pipe, lines are
   cut at 132 columns with a '+'. Children are sorted by name, then by PID, as pstree reads them.
   Left out: pstree's other options and user names as roots. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/proc_stat.h>

/* pstree's width when stdout is not a terminal and COLUMNS is not set. */
#define OUTPUT_WIDTH 132
#define MAX_DEPTH 4096
#define NO_NODE -1
/* A name: a task's comm (16 bytes with its NUL), and braces around a thread's. */
#define NAME_LEN (16 + 2)

/* A process or a thread, and its place among its siblings. */
struct node {
  char name[NAME_LEN];
  int pid;
  int first_child;
  int next_sibling;
};

static struct node *nodes;
static int show_pids;
static int width[MAX_DEPTH], more[MAX_DEPTH];

/* The column the next character goes to (from 1), and a character held back at the line's end. */
static int cur_x = 1;
static char last_char;

/* Prints c unless the line is full: the last column shows the line's last character if it fits, '+' if
   the line goes on beyond it. */
static void out_char(char c)
{
  cur_x++;
  if (cur_x <= OUTPUT_WIDTH)
    putchar(c);
  if (cur_x == OUTPUT_WIDTH + 1) {
    if (last_char) {
      putchar('+');
    } else {
      last_char = c;
      cur_x--;
    }
  }
}

static void out_string(const char *s)
{
  while (*s)
    out_char(*s++);
}

static void out_newline(void)
{
  if (last_char && cur_x == OUTPUT_WIDTH)
    putchar(last_char);
  last_char = 0;
  putchar('\n');
  cur_x = 1;
}

/* Whether the subtrees under a and b look the same: same names all the way down. */
static int tree_equal(int a, int b)
{
  int x, y;

  if (strcmp(nodes[a].name, nodes[b].name) != 0)
    return 0;
  for (x = nodes[a].first_child, y = nodes[b].first_child; x != NO_NODE && y != NO_NODE; x = nodes[x].next_sibling, y = nodes[y].next_sibling)
    if (!tree_equal(x, y))
      return 0;
  return x == NO_NODE && y == NO_NODE;
}

/* pstree's dump_tree: `n` drawn `rep` times over (N*[...]), on the current line if it is its parent's
   first child (`leaf`), else on a new one below; `closing` brackets end its last line. */
static void dump_tree(int n, int level, int rep, int leaf, int last, int closing)
{
  char text[32];
  int add = 0, offset, first = 1;

  if (level >= MAX_DEPTH - 1) {
    fprintf(stderr, "MAX_DEPTH not big enough.\n");
    exit(1);
  }
  if (!leaf) {
    for (int lvl = 0; lvl < level; lvl++) {
      for (int i = width[lvl] + 1; i; i--)
        out_char(' ');
      out_string(lvl == level - 1 ? (last ? "`-" : "|-") : (more[lvl + 1] ? "| " : "  "));
    }
  }
  if (rep > 1) {
    add = snprintf(text, sizeof text, "%d*[", rep);
    out_string(text);
  }
  out_string(nodes[n].name);
  offset = cur_x;
  if (show_pids) {
    snprintf(text, sizeof text, "(%d)", nodes[n].pid);
    out_string(text);
  }
  if (nodes[n].first_child == NO_NODE) {
    while (closing--)
      out_char(']');
    out_newline();
    return;
  }
  more[level] = !last;
  width[level] = strlen(nodes[n].name) + cur_x - offset + add;
  if (cur_x >= OUTPUT_WIDTH) {
    out_string("-+-+");
    out_newline();
    return;
  }
  for (int c = nodes[n].first_child, next; c != NO_NODE; c = next) {
    int count = 0;
    next = nodes[c].next_sibling;
    /* Later siblings that look the same are drawn with this one, and taken off the list. */
    if (!show_pids) {
      for (int *scan = &nodes[c].next_sibling; *scan != NO_NODE;) {
        if (!tree_equal(c, *scan)) {
          scan = &nodes[*scan].next_sibling;
          continue;
        }
        if (next == *scan)
          next = nodes[*scan].next_sibling;
        count++;
        *scan = nodes[*scan].next_sibling;
      }
    }
    if (first) {
      out_string(next != NO_NODE ? "-+-" : "---");
      first = 0;
    }
    dump_tree(c, level + 1, count + 1, c == nodes[n].first_child, next == NO_NODE, closing + (count ? 1 : 0));
  }
}

/* Puts `child` among the children of `parent`, after those whose names sort before it or equal it. */
static void add_child(int parent, int child)
{
  int *walk = &nodes[parent].first_child;

  while (*walk != NO_NODE && strcmp(nodes[*walk].name, nodes[child].name) <= 0)
    walk = &nodes[*walk].next_sibling;
  nodes[child].next_sibling = *walk;
  *walk = child;
}

/* The index of `pid` in `tasks`, sorted by PID (a binary search: a fork bomb has thousands). */
static int find(const struct proc_stat *tasks, int n, int pid)
{
  int lo = 0, hi = n - 1;

  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    if (tasks[mid].pid == pid)
      return mid;
    if (tasks[mid].pid < pid)
      lo = mid + 1;
    else
      hi = mid - 1;
  }
  return NO_NODE;
}

static int by_pid(const void *a, const void *b)
{
  return ((const struct proc_stat *)a)->pid - ((const struct proc_stat *)b)->pid;
}

int main(int argc, char **argv)
{
  struct proc_stat *tasks;
  int room, n, root_pid = 1, root;

  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-p") == 0) {
      show_pids = 1;
    } else if (argv[i][0] >= '0' && argv[i][0] <= '9') {
      root_pid = atoi(argv[i]);
    } else {
      fprintf(stderr, "pstree: Forkscope's pstree has only -p and a PID: %s\n", argv[i]);
      return 1;
    }
  }
  /* The tasks may grow between the two calls: room for a few more. */
  room = proc_stat_list(NULL, 0) + 16;
  tasks = malloc(room * sizeof(*tasks));
  nodes = malloc(room * sizeof(*nodes));
  if (!tasks || !nodes) {
    perror("pstree");
    return 1;
  }
  n = proc_stat_list(tasks, room);
  if (n > room)
    n = room;
  /* In PID order, as pstree reads /proc: siblings of the same name stay in that order. */
  qsort(tasks, n, sizeof(*tasks), by_pid);
  for (int i = 0; i < n; i++) {
    nodes[i].pid = tasks[i].pid;
    nodes[i].first_child = NO_NODE;
    nodes[i].next_sibling = NO_NODE;
    if (tasks[i].pid == tasks[i].tgid)
      snprintf(nodes[i].name, sizeof nodes[i].name, "%s", tasks[i].comm);
    else
      snprintf(nodes[i].name, sizeof nodes[i].name, "{%s}", tasks[i].comm);
  }
  /* A process hangs under its parent, a thread under its process. */
  for (int i = 0; i < n; i++) {
    int parent = find(tasks, n, tasks[i].pid == tasks[i].tgid ? tasks[i].ppid : tasks[i].tgid);
    if (parent != NO_NODE)
      add_child(parent, i);
  }
  root = find(tasks, n, root_pid);
  if (root != NO_NODE)
    dump_tree(root, 0, 1, 1, 1, 0);
  return 0;
}
