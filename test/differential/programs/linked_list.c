// A singly linked list on the heap: insert in order, reverse, remove, and free every node.
#include <stdio.h>
#include <stdlib.h>

struct node { int value; struct node *next; };

static struct node *insert_sorted(struct node *head, int value) {
    struct node *n = malloc(sizeof *n);
    n->value = value;
    struct node **link = &head;
    while (*link && (*link)->value < value) link = &(*link)->next;
    n->next = *link;
    *link = n;
    return head;
}

static struct node *reverse(struct node *head) {
    struct node *prev = NULL;
    while (head) {
        struct node *next = head->next;
        head->next = prev;
        prev = head;
        head = next;
    }
    return prev;
}

static struct node *remove_value(struct node *head, int value) {
    for (struct node **link = &head; *link; link = &(*link)->next) {
        if ((*link)->value == value) {
            struct node *dead = *link;
            *link = dead->next;
            free(dead);
            break;
        }
    }
    return head;
}

static void print(const char *label, const struct node *head) {
    printf("%s:", label);
    for (; head; head = head->next) printf(" %d", head->value);
    printf("\n");
}

static int free_all(struct node *head) {
    int count = 0;
    while (head) {
        struct node *next = head->next;
        free(head);
        head = next;
        count++;
    }
    return count;
}

int main(void) {
    struct node *list = NULL;
    int values[] = {50, 10, 40, 20, 30, 60, 5};
    for (int i = 0; i < 7; i++) list = insert_sorted(list, values[i]);
    print("sorted", list);
    list = reverse(list);
    print("reversed", list);
    list = remove_value(list, 40);
    list = remove_value(list, 60);
    list = remove_value(list, 999);
    print("removed 40 and 60", list);
    printf("freed %d nodes\n", free_all(list));
    return 0;
}
