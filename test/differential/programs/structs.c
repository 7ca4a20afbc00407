// Structs: layout with padding, member access through . and ->, copying by assignment, passing and
// returning by value, nesting, arrays of structs and self-referencing pointers.
#include <stdio.h>
#include <stddef.h>
#include <string.h>

struct point { int x, y; };
struct rect { struct point min, max; };
struct padded { char c; int i; char d; double x; short s; };
struct packed_order { double x; int i; short s; char c, d; };
struct process { int pid; char name[16]; int ppid; struct process *parent; };

static struct point add(struct point a, struct point b) {
    struct point r = {a.x + b.x, a.y + b.y};
    return r;
}

static int area(const struct rect *r) { return (r->max.x - r->min.x) * (r->max.y - r->min.y); }

static void move(struct point *p, int dx) { p->x += dx; }

static void try_to_change(struct point p) { p.x = 1000; }

int main(void) {
    struct point a = {1, 2}, b = {.y = 20, .x = 10};
    struct point c = add(a, b);
    printf("c = (%d, %d)\n", c.x, c.y);
    struct rect r = {{0, 0}, {4, 5}};
    printf("area = %d\n", area(&r));
    move(&r.max, 6);
    printf("after move area = %d\n", area(&r));
    try_to_change(a);
    printf("a.x after pass-by-value = %d\n", a.x);

    struct point copy = a;
    copy.y = 99;
    printf("a.y = %d, copy.y = %d\n", a.y, copy.y);

    printf("sizeof padded = %zu, offsets c=%zu i=%zu d=%zu x=%zu s=%zu\n", sizeof(struct padded),
           offsetof(struct padded, c), offsetof(struct padded, i), offsetof(struct padded, d),
           offsetof(struct padded, x), offsetof(struct padded, s));
    printf("sizeof packed_order = %zu\n", sizeof(struct packed_order));
    printf("sizeof process = %zu, offsetof parent = %zu\n", sizeof(struct process), offsetof(struct process, parent));

    struct process table[3] = {
        {1, "init", 0, NULL},
        {100, "bash", 1, NULL},
        {200, "vim", 100, NULL},
    };
    table[1].parent = &table[0];
    table[2].parent = &table[1];
    for (struct process *p = &table[2]; p != NULL; p = p->parent)
        printf("pid %d %s (ppid %d)\n", p->pid, p->name, p->ppid);
    strcpy(table[2].name, "emacs");
    printf("renamed: %s, name size %zu\n", table[2].name, sizeof table[2].name);

    struct { int a; char b; } anon = {5, 'z'};
    printf("anonymous struct %d %c\n", anon.a, anon.b);
    struct process zero = {0};
    printf("zeroed: pid=%d name=[%s] parent=%s\n", zero.pid, zero.name, zero.parent ? "set" : "NULL");
    struct rect *rp = &r;
    printf("rp->max.x = %d, (*rp).min.y = %d\n", rp->max.x, (*rp).min.y);
    printf("struct equality by members: %d\n", a.x == copy.x && a.y == copy.y);
    return 0;
}
