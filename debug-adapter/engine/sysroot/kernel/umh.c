/* kernel/umh.c: the usermode helper, how the kernel starts a user program (modprobe, hotplug helpers;
   here rmmod, when a debugger or the CLI asks for a module's removal). The request is work for a
   kworker, which starts a thread as kthreadd's child (CLONE_PARENT: kthreadd ignores SIGCHLD, so the
   helper reaps itself) that execs the program. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/forkscope.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/workqueue.h>

#define UMH_NO_WAIT 0x00 /* don't wait at all */

struct subprocess_info {
  struct work_struct work;
  const char *path;
  char **argv;
  char **envp;
};

/* kernel_execve (fs/exec.c): the exec of a program by a kernel thread, its arguments in kernel memory. */
static int kernel_execve(const char *filename, char **argv, char **envp)
{
  int retval = bprm_load(filename, (const char *const *)argv, (const char *const *)envp);
  if (retval < 0)
    return retval;
  begin_new_exec();
}

/* The helper thread: a user process from here on, with the default signal actions a kernel thread
   does not have (kthreadd's children ignore every signal), then the program. */
static int call_usermodehelper_exec_async(void *data)
{
  struct subprocess_info *sub_info = data;
  int i;

  for (i = 0; i < 64; i++)
    current->sighand->action[i].sa.sa_handler = SIG_DFL_HANDLER;
  return kernel_execve(sub_info->path, sub_info->argv, sub_info->envp);
}

static void call_usermodehelper_exec_work(struct work_struct *work)
{
  struct subprocess_info *sub_info = container_of(work, struct subprocess_info, work);
  int pid = kernel_thread(call_usermodehelper_exec_async, sub_info, sub_info->path, CLONE_PARENT | SIGCHLD);

  if (pid < 0)
    printk(KERN_ERR "call_usermodehelper: %s failed to start: %d\n", sub_info->path, pid);
}

/* Starts the program without waiting for it (UMH_NO_WAIT, the only way supported: it may be called
   from interrupt context). The subprocess_info stays allocated: its strings are the helper's argv. */
int call_usermodehelper(const char *path, char **argv, char **envp, int wait)
{
  struct subprocess_info *sub_info;

  if (wait != UMH_NO_WAIT)
    return -EINVAL;
  sub_info = kzalloc(sizeof(struct subprocess_info), GFP_KERNEL);
  if (!sub_info)
    return -ENOMEM;
  INIT_WORK(&sub_info->work, call_usermodehelper_exec_work);
  sub_info->path = path;
  sub_info->argv = argv;
  sub_info->envp = envp;
  schedule_work(&sub_info->work);
  return 0;
}

/* `rmmod NAME` from outside the machine (Machine.rmmod: a debugger's request, --rmmod-after): entered
   as an interrupt, it hands /sbin/rmmod to the usermode helper. `name` is kernel memory the caller
   allocated; it stays the helper's argv[1]. */
void usermodehelper_rmmod(char *name)
{
  char **argv = kzalloc(3 * sizeof(char *), GFP_KERNEL);
  static char *envp[] = { "HOME=/", "PATH=/sbin:/usr/sbin:/bin:/usr/bin", 0 };

  argv[0] = "/sbin/rmmod";
  argv[1] = name;
  argv[2] = 0;
  call_usermodehelper(argv[0], argv, envp, UMH_NO_WAIT);
}
