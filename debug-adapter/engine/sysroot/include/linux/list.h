#ifndef _LINUX_LIST_H
#define _LINUX_LIST_H

/* Circular doubly-linked lists, as in the Linux kernel's include/linux/list.h: a struct list_head is
   embedded in each element, and list_entry/container_of gets from it back to the element. */

#include <linux/kernel.h>
#include <linux/stddef.h>
#include <linux/types.h>

/* Deleted entries point at these addresses: following one faults, which finds use-after-delete. */
#define LIST_POISON1 ((void *)0x100)
#define LIST_POISON2 ((void *)0x122)

#define LIST_HEAD_INIT(name) { &(name), &(name) }
#define LIST_HEAD(name) struct list_head name = LIST_HEAD_INIT(name)

static inline void INIT_LIST_HEAD(struct list_head *list)
{
  list->next = list;
  list->prev = list;
}

static inline void __list_add(struct list_head *new, struct list_head *prev, struct list_head *next)
{
  next->prev = new;
  new->next = next;
  new->prev = prev;
  prev->next = new;
}

/* Adds `new` right after `head`: a stack. */
static inline void list_add(struct list_head *new, struct list_head *head)
{
  __list_add(new, head, head->next);
}

/* Adds `new` right before `head`: a queue. */
static inline void list_add_tail(struct list_head *new, struct list_head *head)
{
  __list_add(new, head->prev, head);
}

static inline void __list_del(struct list_head *prev, struct list_head *next)
{
  next->prev = prev;
  prev->next = next;
}

static inline void __list_del_entry(struct list_head *entry)
{
  __list_del(entry->prev, entry->next);
}

static inline void list_del(struct list_head *entry)
{
  __list_del_entry(entry);
  entry->next = LIST_POISON1;
  entry->prev = LIST_POISON2;
}

static inline void list_del_init(struct list_head *entry)
{
  __list_del_entry(entry);
  INIT_LIST_HEAD(entry);
}

static inline void list_replace(struct list_head *old, struct list_head *new)
{
  new->next = old->next;
  new->next->prev = new;
  new->prev = old->prev;
  new->prev->next = new;
}

static inline void list_replace_init(struct list_head *old, struct list_head *new)
{
  list_replace(old, new);
  INIT_LIST_HEAD(old);
}

static inline void list_move(struct list_head *list, struct list_head *head)
{
  __list_del_entry(list);
  list_add(list, head);
}

static inline void list_move_tail(struct list_head *list, struct list_head *head)
{
  __list_del_entry(list);
  list_add_tail(list, head);
}

static inline int list_is_first(const struct list_head *list, const struct list_head *head)
{
  return list->prev == head;
}

static inline int list_is_last(const struct list_head *list, const struct list_head *head)
{
  return list->next == head;
}

static inline int list_is_head(const struct list_head *list, const struct list_head *head)
{
  return list == head;
}

static inline int list_empty(const struct list_head *head)
{
  return head->next == head;
}

static inline int list_is_singular(const struct list_head *head)
{
  return !list_empty(head) && (head->next == head->prev);
}

static inline void list_rotate_left(struct list_head *head)
{
  struct list_head *first;

  if (!list_empty(head)) {
    first = head->next;
    list_move_tail(first, head);
  }
}

static inline void __list_splice(const struct list_head *list, struct list_head *prev, struct list_head *next)
{
  struct list_head *first = list->next;
  struct list_head *last = list->prev;

  first->prev = prev;
  prev->next = first;
  last->next = next;
  next->prev = last;
}

/* Joins `list` at the front of `head`. */
static inline void list_splice(const struct list_head *list, struct list_head *head)
{
  if (!list_empty(list))
    __list_splice(list, head, head->next);
}

static inline void list_splice_tail(struct list_head *list, struct list_head *head)
{
  if (!list_empty(list))
    __list_splice(list, head->prev, head);
}

static inline void list_splice_init(struct list_head *list, struct list_head *head)
{
  if (!list_empty(list)) {
    __list_splice(list, head, head->next);
    INIT_LIST_HEAD(list);
  }
}

static inline void list_splice_tail_init(struct list_head *list, struct list_head *head)
{
  if (!list_empty(list)) {
    __list_splice(list, head->prev, head);
    INIT_LIST_HEAD(list);
  }
}

static inline unsigned long list_count_nodes(struct list_head *head)
{
  struct list_head *pos;
  unsigned long count = 0;

  for (pos = head->next; pos != head; pos = pos->next)
    count++;
  return count;
}

#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_first_entry(ptr, type, member) list_entry((ptr)->next, type, member)
#define list_last_entry(ptr, type, member) list_entry((ptr)->prev, type, member)
#define list_first_entry_or_null(ptr, type, member) ({ \
  struct list_head *head__ = (ptr); \
  struct list_head *pos__ = head__->next; \
  pos__ != head__ ? list_entry(pos__, type, member) : NULL; })
#define list_next_entry(pos, member) list_entry((pos)->member.next, typeof(*(pos)), member)
#define list_prev_entry(pos, member) list_entry((pos)->member.prev, typeof(*(pos)), member)
#define list_entry_is_head(pos, head, member) (&pos->member == (head))

#define list_for_each(pos, head) \
  for (pos = (head)->next; pos != (head); pos = pos->next)
#define list_for_each_prev(pos, head) \
  for (pos = (head)->prev; pos != (head); pos = pos->prev)
#define list_for_each_safe(pos, n, head) \
  for (pos = (head)->next, n = pos->next; pos != (head); pos = n, n = pos->next)
#define list_for_each_prev_safe(pos, n, head) \
  for (pos = (head)->prev, n = pos->prev; pos != (head); pos = n, n = pos->prev)

#define list_for_each_entry(pos, head, member) \
  for (pos = list_first_entry(head, typeof(*pos), member); \
       !list_entry_is_head(pos, head, member); \
       pos = list_next_entry(pos, member))
#define list_for_each_entry_reverse(pos, head, member) \
  for (pos = list_last_entry(head, typeof(*pos), member); \
       !list_entry_is_head(pos, head, member); \
       pos = list_prev_entry(pos, member))
#define list_for_each_entry_continue(pos, head, member) \
  for (pos = list_next_entry(pos, member); \
       !list_entry_is_head(pos, head, member); \
       pos = list_next_entry(pos, member))
#define list_for_each_entry_from(pos, head, member) \
  for (; !list_entry_is_head(pos, head, member); \
       pos = list_next_entry(pos, member))
#define list_for_each_entry_safe(pos, n, head, member) \
  for (pos = list_first_entry(head, typeof(*pos), member), \
       n = list_next_entry(pos, member); \
       !list_entry_is_head(pos, head, member); \
       pos = n, n = list_next_entry(n, member))
#define list_for_each_entry_safe_reverse(pos, n, head, member) \
  for (pos = list_last_entry(head, typeof(*pos), member), \
       n = list_prev_entry(pos, member); \
       !list_entry_is_head(pos, head, member); \
       pos = n, n = list_prev_entry(n, member))

#endif
