/* kernel/module/main.c: loading and removing modules. init_module(2) loads the module's sections
   into kernel memory and binds its symbols to the kernel's (load_module_sections: the ELF loader's
   mechanics), puts it on the `modules` list, then calls its init function in the calling process's
   context: insmod's. delete_module(2) calls its exit function, in rmmod's context. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/forkscope.h>
#include <linux/uaccess.h>
#include <linux/module.h>
#include <linux/string.h>

/* init_module's ELF loader, host mechanics (kernel/modules.ts) declared here where struct module is
   complete: finds the module the image names (Forkscope has no files: insmod passes the module's file
   name as its image), maps its sections into kernel memory, binds its undefined symbols to the
   kernel's, and fills mod's name, init and exit. 0, -ENOENT, or -ENOEXEC for a file that is no module. */
int load_module_sections(struct module *mod, const void *image, unsigned long len);

static LIST_HEAD(modules);

static struct module *find_module(const char *name)
{
  struct module *mod;

  list_for_each_entry(mod, &modules, list) {
    if (strcmp(mod->name, name) == 0)
      return mod;
  }
  return 0;
}

static struct module *load_module(void *umod, unsigned long len)
{
  struct module *mod = kzalloc(sizeof(struct module), GFP_KERNEL);
  int err;

  if (!mod)
    return ERR_PTR(-ENOMEM);
  err = load_module_sections(mod, umod, len);
  if (!err && find_module(mod->name))
    err = -EEXIST;
  if (err) {
    kfree(mod);
    return ERR_PTR(err);
  }
  mod->state = MODULE_STATE_COMING;
  list_add_tail(&mod->list, &modules);
  return mod;
}

/* Not static: the host side of the loader reads struct module's layout from its parameter. */
void free_module(struct module *mod)
{
  list_del(&mod->list);
  kfree(mod);
}

static int do_one_initcall(int (*fn)(void))
{
  return fn();
}

static int do_init_module(struct module *mod)
{
  int ret = 0;

  if (mod->init)
    ret = do_one_initcall(mod->init);
  if (ret < 0) {
    /* A failed init leaves nothing behind: no module_exit will run. */
    mod->state = MODULE_STATE_GOING;
    free_module(mod);
    return ret;
  }
  if (ret > 0)
    printk(KERN_WARNING "%s: '%s'->init suspiciously returned %d, it should follow 0/-E convention\n", "do_init_module", mod->name, ret);
  mod->state = MODULE_STATE_LIVE;
  return 0;
}

long sys_init_module(void *umod, unsigned long len, const char *uargs)
{
  struct module *mod = load_module(umod, len);

  if (IS_ERR(mod))
    return PTR_ERR(mod);
  return do_init_module(mod);
}

long sys_delete_module(const char *name_user, unsigned int flags)
{
  char name[MODULE_NAME_LEN];
  struct module *mod;

  if (strncpy_from_user(name, name_user, MODULE_NAME_LEN - 1) < 0)
    return -EFAULT;
  name[MODULE_NAME_LEN - 1] = 0;
  mod = find_module(name);
  if (!mod)
    return -ENOENT;
  if (mod->state != MODULE_STATE_LIVE)
    return -EBUSY;
  /* A module with an init but no exit cannot be removed. */
  if (mod->init && !mod->exit)
    return -EBUSY;
  mod->state = MODULE_STATE_GOING;
  if (mod->exit)
    mod->exit();
  free_module(mod);
  return 0;
}
