#ifndef _LINUX_FORKSCOPE_H
#define _LINUX_FORKSCOPE_H
/* The kernel's mechanics that Forkscope does in host code rather than pseudo-C: they are not what the
   lecture teaches (allocating memory, searching the PID bitmap, copying page tables, switching the CPU
   from one thread to another), and each sits behind the function name Linux uses for it. */
#include <linux/types.h>

struct task_struct;
struct kernel_clone_args;

#define GFP_KERNEL 0
void *kmalloc(size_t size, int flags);
void *kzalloc(size_t size, int flags);
void kfree(const void *p);

/* The PID bitmap: the next free number after the last one handed out, wrapping to RESERVED_PIDS
   (300) at pid_max; -EAGAIN when every number is taken. */
#define RESERVED_PIDS 300
int alloc_pid_nr(void);
/* The PID nr itself: -EINVAL outside [1, pid_max), -EEXIST if it is taken. */
int alloc_pid_nr_at(int nr);
void free_pid_nr(int nr);

/* Copies the page tables of an address space, sharing its pages copy-on-write; returns the copy's id. */
unsigned long dup_mm_pages(unsigned long mm_id);
/* Drops a task's hold on its address space's pages (the last user frees them). */
void exit_mm_pages(unsigned long mm_id);
/* The most pages mm's memory has had resident at once: mm->hiwater_rss (which the simulator's address
   space keeps, as its pages go) or the pages resident now, if more. */
struct mm_struct;
unsigned long get_mm_hiwater_rss(struct mm_struct *mm);
/* The child's saved registers and stack: a copy of the parent's user stack that returns 0 from fork,
   or, for a kernel thread, a fresh stack that will run args->fn(args->fn_arg). */
int copy_thread(struct task_struct *p, struct kernel_clone_args *args);
/* A vfork child ran on its parent's stack: the parent's user frames take the child's registers, as if
   the locals the child changed had been in that shared memory (Forkscope keeps many in registers). */
void vfork_share_frames(struct task_struct *child, struct task_struct *parent);
/* Forgets the simulator's state for a task that release_task freed. */
void release_thread(struct task_struct *p);

/* The run queue. */
void enqueue_task(struct task_struct *p);
void dequeue_task(struct task_struct *p);
struct task_struct *pick_next_task(struct task_struct *prev);
/* Switches this CPU from prev to next; returns when prev runs again. */
void context_switch(struct task_struct *prev, struct task_struct *next);

/* Open files: the file descriptor tables and pipe buffers are host data (fs/file.c, fs/pipe.c). */
struct files_struct;
int files_dup(struct files_struct *newf);     /* dup_fdtable: newf's table is a copy of the current task's, files shared */
void files_exit(struct files_struct *files);  /* put_files_struct's close_files: every descriptor closed, the table gone */
long vfs_read(int fd, char *buf, size_t count);        /* -EAGAIN when a pipe is empty but has writers */
long vfs_write(int fd, const char *buf, size_t count); /* the bytes taken; -EAGAIN when a pipe is full, -EPIPE when it has no readers */
void pipe_wait_readable(int fd);            /* the current task sleeps on the pipe's wait queue */
void pipe_wait_writable(int fd);            /* and on its writers' queue, until a buffer is free */
int get_pipe_info(unsigned int fd);         /* whether fd is a pipe (Linux returns its pipe_inode_info) */
/* --trace's "--- SIGxxx {siginfo} ---" line for a signal task t dequeues or ignores (no-op untraced). */
void ptrace_report_signal(struct task_struct *t, int sig, int code, int pid, unsigned long value, long utime, long stime);
/* --trace's "--- stopped by SIGSTOP ---" line for traced task t stopping with the group (no-op untraced). */
void ptrace_report_group_stop(struct task_struct *t, int sig);
/* PTRACE_EVENT_EXEC for traced task t, which exec'ed as TID old_vpid (a thread's exec takes its leader's PID). */
void ptrace_event_exec(struct task_struct *t, pid_t old_vpid);
long do_pipe2(int *fildes, int flags);      /* flags already checked: O_CLOEXEC, O_NONBLOCK, O_DIRECT */
/* Opening: the file tree (/dev/null, /dev/zero, /proc/sys/kernel/pid_max, the files programs make …)
   is host data, walked as fs/namei.c walks a path. do_filp_open opens (creating a regular file with
   permission bits `mode` for O_CREAT) and installs in one, returning the descriptor or -errno. */
long do_filp_open(int dfd, const char *filename, int flags, unsigned int mode);
long do_unlinkat(int dfd, const char *pathname);            /* 0, or -ENOENT, -EISDIR, -ENOTDIR … */
long do_rmdir(int dfd, const char *pathname);               /* 0, or -ENOTEMPTY, -EBUSY, -ENOTDIR … */
long vfs_mkdir(int dfd, const char *pathname, unsigned int mode); /* mode: the umask applied; 0 or -EEXIST … */
long vfs_link(int olddfd, const char *oldname, int newdfd, const char *newname); /* 0 or -EEXIST, -EXDEV, -EPERM … */
/* The number of the directory at `filename` (or open at fd), for a working directory, or -ENOENT, -ENOTDIR, -EBADF. */
long lookup_dir(int dfd, const char *filename);
long fd_dir(unsigned int fd);
/* getcwd's copy of directory `pwd`'s path to buf: its length with the NUL, or -ERANGE, -ENOENT, -EFAULT. */
long do_getcwd(char *buf, unsigned long size, unsigned long pwd);
long do_ftruncate(unsigned int fd, long length);
long do_getdents64(unsigned int fd, void *dirent, unsigned int count); /* bytes of struct linux_dirent64, 0 at the end, or -errno */
long vfs_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg); /* 0 (or a result), or -ENOTTY, -EBADF, -EFAULT */             /* 0, or -EBADF, -EINVAL (not a regular file open for writing) */
long file_flags(unsigned int fd);                      /* the open file's f_flags, or -EBADF */
void set_file_flags(unsigned int fd, unsigned int flags);
long f_dupfd(unsigned int from, unsigned int fd, unsigned int cloexec); /* lowest free descriptor >= from */
int get_close_on_exec(unsigned int fd);
void set_close_on_exec(unsigned int fd, int flag);
void do_close_on_exec(void);                 /* execve: the descriptors marked FD_CLOEXEC close */
long vfs_llseek(unsigned int fd, long offset, unsigned int whence);
struct stat;
/* Looks `filename` up from dfd (or takes dfd's file, for "" with AT_EMPTY_PATH) and writes its struct
   stat to user memory: 0, or -errno (ENOENT, ENOTDIR, EBADF, EFAULT). */
long vfs_fstatat(int dfd, const char *filename, int flag, struct stat *statbuf);
long close_fd(unsigned int fd);
long dup_fd(unsigned int oldfd);
void spin_lockup_check(struct task_struct *owner); /* the run ends when `owner` can never release the lock current spins on */
long dup2_fd(unsigned int oldfd, unsigned int newfd, int flags); /* do_dup2: newfd closed first; flags O_CLOEXEC or 0 */

/* RLIMIT_STACK changed: tsk's stack (the main thread's, which exec mapped) may grow as far as the new
   limit allows. Linux checks the limit as the stack grows (acct_stack_growth); the simulator keeps a
   bound it checks at each call, which this moves. */
void update_stack_limit(struct task_struct *tsk);

/* execve's mechanics: bprm_load finds the program (the program's folder, or /bin's built-ins) and
   prepares its image, or returns -ENOENT; begin_new_exec replaces the task's memory and thread with
   it and never returns. */
int bprm_load(const char *filename, const char *const *argv, const char *const *envp);
void begin_new_exec(void) __attribute__((noreturn));

/* Moves the current process's program break (mm/mmap.c's do_brk_flags and the unmapping of a
   shrinking heap): the [heap] mapping ends at the break's page. -ENOMEM when the heap would pass the
   simulator's limit or run into the next mapping. */
int set_heap_brk(unsigned long brk);

/* mmap's mechanics (mm/mmap.c, mm/mprotect.c) on the current process's VMAs:
   - get_unmapped_area: the fixed address as it is, a free hint, or the highest free range below
     mmap_base; -ENOMEM when none fits;
   - find_vma_intersection: whether any mapping overlaps [start, end);
   - mmap_region: at [addr, addr+len), unmapping what was there, the pages of the open file `file`
     (its descriptor plus one) from page pgoff on, or anonymous memory for 0 (and /dev/zero); shared
     with the children the process forks and the file's other mappings, or private; addr, or -ENOMEM
     past the simulator's limit;
   - do_munmap: unmaps [start, start+len), what of it is mapped;
   - mprotect_fixup: the protection of [start, end), or -ENOMEM if part of it is unmapped, or -EACCES
     at a shared mapping of a file not open for writing asked to become writable;
   - file_can_mmap: whether the open file has an mmap operation (regular files and /dev/zero). */
long get_unmapped_area(unsigned long addr, unsigned long len, int fixed);
int find_vma_intersection(unsigned long start, unsigned long end);
long mmap_region(int file, unsigned long addr, unsigned long len, unsigned long prot, int shared, unsigned long pgoff);
void do_munmap(unsigned long start, unsigned long len);
long mprotect_fixup(unsigned long start, unsigned long end, unsigned long prot);
/* madvise_vmas: the mapped parts of [start, end), their pages dropped if `dontneed` (zap_page_range);
   -ENOMEM if part of the range is unmapped, else 0. */
long madvise_vmas(unsigned long start, unsigned long end, int dontneed);
int file_can_mmap(unsigned int fd);
/* file_mmap_size_max: the largest offset the open file may be mapped to: MAX_LFS_FILESIZE for a
   regular file, ULONG_MAX for the others. */
unsigned long file_mmap_size_max(unsigned int fd);
/* find_vma: the first mapping that ends above addr, its bounds in *vm_start and *vm_end; 0 when there
   is none, else 1. */
int find_vma(unsigned long addr, unsigned long *vm_start, unsigned long *vm_end);

/* copy_to_user: copies n bytes of kernel memory at from to the user's buffer at to; returns how many it
   could NOT copy (0 when all went), stopping at the first byte it may not write, as Linux's does. */
unsigned long copy_to_user(void *to, const void *from, unsigned long n);
/* copy_from_user: the other way, from the user's buffer at from into kernel memory at to; the bytes it
   could not copy are zeroed, as Linux's are. */
unsigned long copy_from_user(void *to, const void *from, unsigned long n);
/* x86's access_ok: the range [addr, addr+size) lies in user space (it may still be unmapped). */
#define TASK_SIZE_MAX 0x7ffffffff000UL
#define access_ok(addr, size) \
  ((unsigned long)(size) <= TASK_SIZE_MAX && (unsigned long)(addr) <= TASK_SIZE_MAX - (unsigned long)(size))

/* Copies len bytes at addr in mm's address space into buf in the current task's (another process's
   memory is a different simulated address space); returns the bytes copied, 0 if they are not mapped. */
struct mm_struct;
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf, int len);

/* kernel_execve of the init program into the current kernel thread, which becomes PID 1's user
   process; init's arguments are the user's program and its arguments (the kernel's command line). */
int run_init_process(const char *init_filename);

u64 ktime_get_ns(void);
/* Arms the timer that wakes p at `expires` (ktime_get_ns's clock): hrtimer_start's mechanics. */
void hrtimer_start(struct task_struct *p, u64 expires);
/* get_futex_key's mechanics for a word in shared memory (MAP_SHARED): the page's identity and the
   offset in it, the same in every process that maps it; 0 when the word is in private memory. */
unsigned long futex_shared_key(unsigned long address);
/* alarm's timer: at `expires` the timer interrupt runs it_real_fn(p) on the CPU (hrtimer mechanics). */
void itimer_real_start(struct task_struct *p, u64 expires);
void itimer_real_cancel(struct task_struct *p);

/* The registers of a system call on its way back to user mode (asm/syscall.h): its result, if it is an
   error (0 otherwise, or when the return to user mode is not a system call's); setting it; and
   syscall_rollback, which reloads the call's number into ax and steps the caller back onto the call
   (regs->ip -= 2), so that returning to user mode makes the same call again. syscall_restart_block is
   arch_do_signal_or_restart's `regs->ax = __NR_restart_syscall; regs->ip -= 2`: the call made again
   is `restart`, the entry that number selects (sys_restart_syscall). */
long syscall_get_error(struct task_struct *task);
void syscall_set_return_value(struct task_struct *task, long error);
void syscall_rollback(struct task_struct *task);
void syscall_restart_block(struct task_struct *task, long (*restart)(void));
/* Builds a handler's frame on the user stack over the interrupted code: struct rt_sigframe, whose
   ucontext saves ax and saved_mask, and under it sa_restorer's (the C library's __restore_rt), which
   calls the handler, then rt_sigreturn with the ucontext. si_value is the 8 bytes of siginfo's union
   that hold a child's si_status or sigqueue's value. -EFAULT when the user stack has no room. */
int setup_rt_frame(unsigned long restorer, unsigned long handler, int sig, unsigned long sa_flags,
                   int si_code, int si_pid, unsigned long si_value, unsigned long saved_mask);

int printk(const char *fmt, ...);
void panic(const char *fmt, ...) __attribute__((noreturn));

#endif
