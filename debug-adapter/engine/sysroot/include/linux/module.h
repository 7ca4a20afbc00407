#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H
/* Loadable kernel modules. A C file that uses module_init is a module: Forkscope compiles it as kernel
   code linked against the running kernel, and a run loads it with insmod and removes it with rmmod.
   Linux makes init_module/cleanup_module aliases of the functions named here, and modpost points
   __this_module.init/.exit at them; Forkscope's loader (kernel/module.c) reads these two pointers. */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/types.h>
#include <linux/list.h>

#define module_init(initfn) initcall_t __initcall_init_module = initfn;
#define module_exit(exitfn) exitcall_t __exitcall_cleanup_module = exitfn;

/* .modinfo strings (modinfo shows them). */
#define __MODULE_PASTE2(a, b) a##b
#define __MODULE_PASTE(a, b) __MODULE_PASTE2(a, b)
#define MODULE_INFO(tag, info) static const char __MODULE_PASTE(__modinfo_##tag##_, __LINE__)[] = #tag "=" info
#define MODULE_LICENSE(_license) MODULE_INFO(license, _license)
#define MODULE_AUTHOR(_author) MODULE_INFO(author, _author)
#define MODULE_DESCRIPTION(_description) MODULE_INFO(description, _description)
#define MODULE_VERSION(_version) MODULE_INFO(version, _version)
#define MODULE_ALIAS(_alias) MODULE_INFO(alias, _alias)

#define THIS_MODULE ((struct module *)0)
#define MODULE_NAME_LEN 56

enum module_state {
  MODULE_STATE_LIVE,    /* normal state */
  MODULE_STATE_COMING,  /* being loaded: its init runs */
  MODULE_STATE_GOING,   /* being removed */
  MODULE_STATE_UNFORMED,
};

struct module {
  enum module_state state;
  struct list_head list; /* on the kernel's `modules` list */
  char name[MODULE_NAME_LEN];
  int (*init)(void);
  void (*exit)(void);
};

#endif
