/* p->field through a pointer held in a local: loads, stores (int, pointer, long and unsigned long,
   including values past 2^53), conditions, and calls taking &p->member. */
#include <stdio.h>

struct list_head { struct list_head *next, *prev; };

struct task {
  int pid;
  long counter;
  unsigned long flags;
  struct task *parent;
  struct list_head sibling;
  struct list_head children;
};

static void init_list(struct list_head *l) { l->next = l; l->prev = l; }
static void link_between(struct list_head *n, struct list_head *prev, struct list_head *next)
{
  next->prev = n;
  n->next = next;
  n->prev = prev;
  prev->next = n;
}
static void add_tail(struct list_head *n, struct list_head *head) { link_between(n, head->prev, head); }
static int count(struct list_head *head)
{
  int n = 0;
  struct list_head *p;
  for (p = head->next; p != head; p = p->next)
    n++;
  return n;
}

int main(void)
{
  struct task tasks[4];
  struct task *parent = &tasks[0];
  init_list(&parent->children);
  parent->pid = 1;
  parent->parent = 0;
  for (int i = 1; i < 4; i++) {
    struct task *t = &tasks[i];
    t->pid = 100 + i;
    t->parent = parent;
    t->counter = -5000000000L * i;           /* negative, beyond 32 bits */
    t->flags = 0xfffffffffffff000UL >> i;    /* past 2^53: a bigint */
    init_list(&t->children);
    add_tail(&t->sibling, &parent->children);
  }
  printf("children: %d\n", count(&parent->children));
  for (int i = 1; i < 4; i++) {
    struct task *t = &tasks[i];
    struct task *p = t->parent;
    long c = t->counter;
    if (t->parent)
      printf("%d's parent is %d; counter %ld; flags %lx\n", t->pid, p->pid, c, t->flags);
    if (!t->flags)
      printf("no flags\n");
    t->flags = t->flags & 0xff0;
    t->counter += 7;
    printf("after: flags %lx counter %ld empty %d\n", t->flags, t->counter, t->children.next == &t->children);
  }
  if (parent->parent)
    printf("unexpected parent\n");
  else
    printf("the parent has no parent\n");
  return 0;
}
